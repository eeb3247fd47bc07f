package io.jynq.device.embedded;

import io.jynq.device.DeviceException;
import io.jynq.metadata.Arch;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

/**
 * Tells a Zynq-7000 board from a ZynqMP one: the root node's {@code compatible} strings
 * ({@code xlnx,zynq-7000} or {@code xlnx,zynqmp}), else the JVM's architecture ({@code arm} is
 * Zynq-7000, {@code aarch64} ZynqMP), as PYNQ decides by {@code platform.machine()}.
 */
final class BoardArch {
    private BoardArch() {}

    static Arch detect(BoardPaths paths) {
        try {
            if (Files.isRegularFile(paths.deviceTreeCompatible())) {
                String compatible = new String(Files.readAllBytes(paths.deviceTreeCompatible()), StandardCharsets.US_ASCII);
                if (compatible.contains("xlnx,zynqmp")) {
                    return Arch.ZYNQ_ULTRASCALE;
                }
                if (compatible.contains("xlnx,zynq-7000")) {
                    return Arch.ZYNQ;
                }
            }
        } catch (IOException e) {
            throw new DeviceException("cannot read " + paths.deviceTreeCompatible() + ": " + e, e);
        }
        String arch = System.getProperty("os.arch");
        if (arch.equals("aarch64")) {
            return Arch.ZYNQ_ULTRASCALE;
        }
        if (arch.startsWith("arm")) {
            return Arch.ZYNQ;
        }
        throw new DeviceException("cannot tell Zynq-7000 from ZynqMP: " + paths.deviceTreeCompatible()
                + " names neither and this JVM runs on " + arch);
    }
}
