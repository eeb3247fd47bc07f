package io.jynq.device.embedded;

import io.jynq.device.Device;
import io.jynq.device.DeviceException;
import io.jynq.device.DeviceProvider;
import java.nio.file.Files;

/** The {@code embedded} backend for {@code JYNQ_DEVICE=embedded}; available where FPGA Manager exists. */
public final class EmbeddedDeviceProvider implements DeviceProvider {

    @Override
    public String name() {
        return "embedded";
    }

    @Override
    public boolean isAvailable() {
        return Files.exists(BoardPaths.fromEnvironment().fpgaManager());
    }

    @Override
    public Device open() {
        BoardPaths paths = BoardPaths.fromEnvironment();
        if (!Files.exists(paths.fpgaManager())) {
            throw new DeviceException("the embedded backend needs FPGA Manager at " + paths.fpgaManager()
                    + ", which this machine lacks; run on a Zynq/ZynqMP board image or use JYNQ_DEVICE=sim");
        }
        return new EmbeddedDevice(paths);
    }
}
