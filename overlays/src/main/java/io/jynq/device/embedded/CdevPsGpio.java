package io.jynq.device.embedded;

import io.jynq.device.AbstractPsGpioLine;
import io.jynq.device.DeviceException;
import io.jynq.device.PsGpioLine;
import io.jynq.ffi.gpio.GpioChip;
import io.jynq.ffi.gpio.GpioKernel;
import io.jynq.ffi.gpio.GpioLine;
import io.jynq.ffi.libc.NativeException;
import io.jynq.metadata.Arch;
import java.nio.file.Path;
import java.util.Objects;

/**
 * PS GPIO (EMIO) lines through the Linux GPIO character device, which kernels since 4.8 offer and
 * newer ones prefer to sysfs (often built without {@code CONFIG_GPIO_SYSFS}): the
 * {@code /dev/gpiochipN} labelled {@code zynq_gpio} (Zynq-7000) or {@code zynqmp_gpio} (ZynqMP),
 * line {@code 54 + i} or {@code 78 + i} for EMIO pin {@code i} (the MIO pins come first, as in
 * PYNQ's {@code gpio.py}). The line is requested with uAPI v2 ({@link GpioChip}) and held by this
 * process until closed.
 */
final class CdevPsGpio {
    private CdevPsGpio() {}

    /**
     * EMIO {@code index} from the PS controller in {@code devDir}, or null when no such character
     * device is there (the caller falls back to sysfs).
     *
     * @throws DeviceException if the controller refuses the line (another user holds it: EBUSY)
     */
    static PsGpioLine open(Path devDir, GpioKernel kernel, Arch arch, int index, boolean output) {
        Objects.checkIndex(index, arch == Arch.ZYNQ ? 64 : 96);
        String label = arch == Arch.ZYNQ ? "zynq_gpio" : "zynqmp_gpio";
        GpioChip chip = GpioChip.find(devDir, label, kernel);
        if (chip == null) {
            return null;
        }
        int offset = (arch == Arch.ZYNQ ? 54 : 78) + index;
        GpioLine line;
        try {
            line = chip.request(offset, output, 0, "jynq");
        } catch (NativeException | IndexOutOfBoundsException e) {
            throw new DeviceException("PS GPIO " + index + ": " + chip.path() + " (" + label + ") refused line " + offset
                    + ": " + e.getMessage(), e);
        } finally {
            chip.close();  // the line request has its own descriptor
        }
        return new AbstractPsGpioLine(index, output) {
            @Override
            protected int level() {
                return line.get();
            }

            @Override
            protected void drive(int value) {
                line.set(value);
            }

            @Override
            protected void release() {
                line.close();
            }

            @Override
            public String toString() {
                return "PsGpioLine[EMIO " + index + " = " + chip.name() + " line " + offset + (output ? ", out]" : ", in]");
            }
        };
    }
}
