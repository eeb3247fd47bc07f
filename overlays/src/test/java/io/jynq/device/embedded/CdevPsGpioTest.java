package io.jynq.device.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jynq.device.DeviceException;
import io.jynq.device.PsGpioLine;
import io.jynq.drivers.gpio.Direction;
import io.jynq.drivers.gpio.Gpio;
import io.jynq.ffi.gpio.GpioChip;
import io.jynq.ffi.gpio.GpioKernel;
import io.jynq.ffi.libc.NativeException;
import io.jynq.metadata.Arch;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PS GPIO through the GPIO character device: the controller found by label among
 * {@code /dev/gpiochip*}, EMIO pin i = line 54 + i (Zynq) or 78 + i (ZynqMP), the line held until
 * released; the kernel played by {@link FakeGpioKernel}; sysfs still used where no character
 * device is there. The real kernel is asked once too: /dev/null answers the chip-info ioctl with
 * ENOTTY, through JNA.
 */
class CdevPsGpioTest {
    @TempDir
    Path tmp;

    private FakeBoard board(FakeGpioKernel k, String label) throws IOException {
        FakeBoard b = new FakeBoard(tmp);
        Path dev = Files.createDirectories(b.paths.resolve("dev"));
        Files.writeString(dev.resolve("gpiochip0"), "");  // another controller first
        Files.writeString(dev.resolve("gpiochip1"), "");
        k.chips.put(dev.resolve("gpiochip0").toString(), new FakeGpioKernel.Chip("gpiochip0", "firmware:gpio", 8));
        k.chips.put(dev.resolve("gpiochip1").toString(), new FakeGpioKernel.Chip("gpiochip1", label, 174));
        return b;
    }

    @Test
    void zynqEmioPinIsLine54PlusIndexHeldUntilReleased() throws IOException {
        FakeGpioKernel k = new FakeGpioKernel();
        FakeBoard b = board(k, "zynq_gpio");
        try (EmbeddedDevice dev = b.device(Arch.ZYNQ)) {
            dev.gpioKernel(k);
            Gpio led = Gpio.psPin(dev, 2, Direction.OUTPUT);  // PYNQ: GPIO(GPIO.get_gpio_pin(2), 'out')
            led.write(1);
            assertEquals(1, led.read());
            DeviceException busy = assertThrows(DeviceException.class, () -> dev.psGpio(2, false));
            assertTrue(busy.getMessage().contains("refused line 56") && busy.getMessage().contains("EBUSY"), busy.getMessage());
            led.release();
            assertEquals(List.of("request 56 out by jynq", "set 56 1", "release 56"), k.log);
            assertTrue(b.kernel.log.stream().noneMatch(l -> l.contains("gpio")), "sysfs untouched: " + b.kernel.log);
            PsGpioLine again = dev.psGpio(2, false);
            assertEquals(1, again.read(), "released: another request gets it");
            assertThrows(IllegalStateException.class, () -> again.write(0));
            again.close();
        }
    }

    @Test
    void zynqMpEmioPinIsLine78PlusIndex() throws IOException {
        FakeGpioKernel k = new FakeGpioKernel();
        FakeBoard b = board(k, "zynqmp_gpio");
        try (EmbeddedDevice dev = b.device(Arch.ZYNQ_ULTRASCALE)) {
            dev.gpioKernel(k);
            dev.psGpio(95, true).close();
            assertEquals("request 173 out by jynq", k.log.get(0));
            assertThrows(IndexOutOfBoundsException.class, () -> dev.psGpio(96, true));
        }
    }

    @Test
    void withoutACharacterDeviceSysfsIsUsed() throws IOException {
        FakeGpioKernel k = new FakeGpioKernel();
        FakeBoard b = board(k, "other_gpio");
        try (EmbeddedDevice dev = b.device(Arch.ZYNQ)) {
            dev.gpioKernel(k);
            DeviceException e = assertThrows(DeviceException.class, () -> dev.psGpio(0, true));
            assertTrue(e.getMessage().contains("/sys/class/gpio") || e.getMessage().contains("sys/class/gpio"), e.getMessage());
            assertTrue(k.log.isEmpty());
        }
    }

    @Test
    void theRealKernelAnswersAChipInfoIoctlOnDevNullWithEnotty() {
        NativeException e = assertThrows(NativeException.class, () -> GpioChip.open(Path.of("/dev/null"), GpioKernel.LIBC));
        assertTrue(e.getMessage().contains("ENOTTY") || e.errno() == 25, e.getMessage());
        assertNull(GpioChip.find(tmp, "zynq_gpio", GpioKernel.LIBC), "no gpiochip here");
    }
}
