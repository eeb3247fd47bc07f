package io.jynq.device.embedded;

import io.jynq.device.AbstractPsGpioLine;
import io.jynq.device.DeviceException;
import io.jynq.device.PsGpioLine;
import io.jynq.metadata.Arch;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * PS GPIO (EMIO) lines through the kernel's sysfs GPIO interface, as PYNQ's {@code pynq/gpio.py}
 * drives them: the {@code gpiochip} whose {@code label} is {@code zynq_gpio} (Zynq-7000) or
 * {@code zynqmp_gpio} (ZynqMP) has Linux number {@code base}; EMIO pin {@code i} is Linux GPIO
 * {@code base + 54 + i} (Zynq: 54 MIO pins first) or {@code base + 78 + i} (ZynqMP: 78 MIO pins).
 * Opening exports the line (writes the number to {@code /sys/class/gpio/export} unless
 * {@code gpio<n>} exists) and writes {@code direction}; {@code value} is read and written; closing
 * unexports it. Where the PS controller has a GPIO character device, {@link CdevPsGpio} is used instead.
 */
final class SysfsPsGpio {
    private final BoardPaths paths;
    private final SysfsIo io;
    private final Arch arch;

    SysfsPsGpio(BoardPaths paths, SysfsIo io, Arch arch) {
        this.paths = paths;
        this.io = io;
        this.arch = arch;
    }

    /** Linux's number for EMIO {@code index}. @throws DeviceException if no PS GPIO controller is listed */
    int linuxNumber(int index) {
        String label = arch == Arch.ZYNQ ? "zynq_gpio" : "zynqmp_gpio";
        Path cls = paths.resolve("sys/class/gpio");
        try (Stream<Path> chips = Files.list(cls)) {
            for (Path chip : (Iterable<Path>) chips.filter(p -> p.getFileName().toString().startsWith("gpiochip"))::iterator) {
                if (label.equals(io.readText(chip.resolve("label")))) {
                    return Integer.parseInt(io.readText(chip.resolve("base"))) + (arch == Arch.ZYNQ ? 54 : 78) + index;
                }
            }
        } catch (IOException e) {
            throw new DeviceException("cannot list " + cls + " for the PS GPIO controller: " + e.getMessage(), e);
        } catch (NumberFormatException e) {
            throw new DeviceException("the " + label + " gpiochip in " + cls + " has no numeric base: " + e.getMessage(), e);
        }
        throw new DeviceException("no gpiochip labelled " + label + " in " + cls + "; is the PS GPIO driver loaded?");
    }

    PsGpioLine open(int index, boolean output) {
        Objects.checkIndex(index, arch == Arch.ZYNQ ? 64 : 96);
        int n = linuxNumber(index);
        Path dir = paths.resolve("sys/class/gpio/gpio" + n);
        if (!Files.isDirectory(dir)) {
            io.writeText(paths.resolve("sys/class/gpio/export"), Integer.toString(n));
        }
        io.writeText(dir.resolve("direction"), output ? "out" : "in");
        return new AbstractPsGpioLine(index, output) {
            @Override
            protected int level() {
                return Integer.parseInt(io.readText(dir.resolve("value")));
            }

            @Override
            protected void drive(int value) {
                io.writeText(dir.resolve("value"), Integer.toString(value));
            }

            @Override
            protected void release() {
                try {
                    io.writeText(paths.resolve("sys/class/gpio/unexport"), Integer.toString(n));
                } catch (UncheckedIOException | DeviceException e) {
                    // already unexported by someone else: nothing left to give back
                }
            }

            @Override
            public String toString() {
                return "PsGpioLine[EMIO " + index + " = gpio" + n + (output ? ", out]" : ", in]");
            }
        };
    }
}
