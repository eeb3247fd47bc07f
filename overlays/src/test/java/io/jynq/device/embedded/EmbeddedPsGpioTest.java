package io.jynq.device.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jynq.device.DeviceException;
import io.jynq.device.PsGpioLine;
import io.jynq.metadata.Arch;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PS GPIO through sysfs as PYNQ's {@code gpio.py} numbers and drives it (the kernel's files played by a fake). */
class EmbeddedPsGpioTest {
    @TempDir
    Path tmp;

    private FakeBoard board(String label, int base) throws IOException {
        FakeBoard b = new FakeBoard(tmp);
        Path gpio = Files.createDirectories(b.paths.resolve("sys/class/gpio"));
        Files.writeString(gpio.resolve("export"), "");
        Files.writeString(gpio.resolve("unexport"), "");
        Path chip = Files.createDirectories(gpio.resolve("gpiochip" + base));
        Files.writeString(chip.resolve("label"), label + "\n");
        Files.writeString(chip.resolve("base"), base + "\n");
        return b;
    }

    @Test
    void zynqEmioPinIsBasePlus54AndIsExportedDrivenAndUnexported() throws IOException {
        FakeBoard b = board("zynq_gpio", 906);
        try (EmbeddedDevice dev = b.device(Arch.ZYNQ)) {
            PsGpioLine line = dev.psGpio(2, true);
            line.write(1);
            assertEquals(1, line.read());
            line.close();
            assertEquals(List.of("write sys/class/gpio/export 962", "write sys/class/gpio/gpio962/direction out",
                    "write sys/class/gpio/gpio962/value 1", "write sys/class/gpio/unexport 962"),
                    b.kernel.log.stream().filter(l -> l.contains("gpio")).toList());
            assertThrows(IllegalStateException.class, line::read);
        }
    }

    @Test
    void zynqMpEmioPinIsBasePlus78AndAnInputRefusesWrites() throws IOException {
        FakeBoard b = board("zynqmp_gpio", 338);
        try (EmbeddedDevice dev = b.device(Arch.ZYNQ_ULTRASCALE)) {
            PsGpioLine line = dev.psGpio(0, false);
            assertTrue(Files.isDirectory(b.paths.resolve("sys/class/gpio/gpio416")), "338 + 78");
            assertThrows(IllegalStateException.class, () -> line.write(1));
        }
    }

    @Test
    void noPsGpioControllerIsAClearError() throws IOException {
        FakeBoard b = board("other_gpio", 0);
        try (EmbeddedDevice dev = b.device(Arch.ZYNQ)) {
            DeviceException e = assertThrows(DeviceException.class, () -> dev.psGpio(0, true));
            assertTrue(e.getMessage().contains("zynq_gpio"), e.getMessage());
        }
    }
}
