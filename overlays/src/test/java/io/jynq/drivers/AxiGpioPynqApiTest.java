package io.jynq.drivers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jynq.config.InvalidSettingException;
import io.jynq.error.HardwareTimeoutException;
import io.jynq.device.sim.SimDevice;
import io.jynq.device.sim.model.AxiGpioModel;
import io.jynq.drivers.gpio.AxiGpio;
import io.jynq.drivers.gpio.Direction;
import io.jynq.drivers.gpio.GpioChannel;
import io.jynq.drivers.gpio.GpioSlice;
import io.jynq.overlay.Deadline;
import io.jynq.overlay.LoadOptions;
import io.jynq.overlay.Overlay;
import io.jynq.testing.SharedData;
import io.jynq.testing.SimBoards;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cells of PYNQ's {@code pynq_libraries/axigpio.ipynb} and {@code asyncio_buttons.ipynb}, in
 * JYNQ's names, on the real PYNQ-Z1 base design.
 */
class AxiGpioPynqApiTest {
    @TempDir
    Path dir;
    private SimDevice dev;
    private Overlay ol;

    @BeforeEach
    void load() {
        dev = SimBoards.open(dir, 32);
        ol = Overlay.load(SharedData.bit("pynqz1_base.bit").toString(),
                LoadOptions.defaults().withDevice(dev).withHwh(SharedData.hwh("pynqz1_base.hwh")));
    }

    @AfterEach
    void clear() {
        System.clearProperty("jynq.wait.timeout");
    }

    @Test
    void writeWithMaskKeepsTheOtherPins() {
        GpioChannel leds = ol.ip("leds_gpio", AxiGpio.class).channel1();
        leds.write(0xF, 0x3);
        assertEquals(0x3, dev.model("leds_gpio", AxiGpioModel.class).output(1));
        leds.write(0x8, 0xC);
        assertEquals(0xB, dev.model("leds_gpio", AxiGpioModel.class).output(1));
        assertThrows(IllegalArgumentException.class, () -> leds.write(1, 0x10), "mask beyond the 4 pins");
    }

    @Test
    void setDirectionAndLengthAsPynqsWords() {
        AxiGpio sw = ol.ip("switches_gpio", AxiGpio.class);
        sw.setDirection(Direction.of("in"));
        sw.setLength(1);
        assertEquals(1, sw.channel1().length());
        assertThrows(IndexOutOfBoundsException.class, () -> sw.get(1));
        sw.setLength(2);
        List<Long> seen = new ArrayList<>();
        dev.withModels(() -> dev.model("switches_gpio", AxiGpioModel.class).setInput(1, 0b10));
        for (GpioSlice s : sw.channel1()) {
            seen.add(s.read());
        }
        assertEquals(List.of(0L, 1L), seen);
        assertThrows(IllegalArgumentException.class, () -> sw.setLength(3), "C_GPIO_WIDTH is 2");
        assertThrows(IllegalArgumentException.class, () -> sw.channel1().setDirection("sideways"));
        assertEquals(1, sw.channels().size(), "C_IS_DUAL=0");
    }

    @Test
    void waitForValueWithoutDurationEndsAtTheConfiguredDeadline() {
        System.setProperty("jynq.wait.timeout", "0.2");
        assertEquals(Duration.ofMillis(200), Deadline.defaultTimeout());
        GpioSlice btn = ol.ip("btns_gpio", AxiGpio.class).get(0);
        HardwareTimeoutException e = assertThrows(HardwareTimeoutException.class, () -> btn.waitForValue(1));
        assertTrue(e.getMessage().contains("GPIO_DATA"), e.getMessage());
        System.setProperty("jynq.wait.timeout", "soon");
        InvalidSettingException bad = assertThrows(InvalidSettingException.class, () -> btn.waitForValue(1));
        assertTrue(bad.getMessage().contains("soon"), bad.getMessage());
    }

    @Test
    void onValueCompletesWhenTheButtonIsPressed() throws Exception {
        System.setProperty("jynq.wait.timeout", "PT60S");
        GpioSlice btn = ol.ip("btns_gpio", AxiGpio.class).get(3);
        CompletableFuture<Void> pressed = btn.onValue(1);
        assertFalse(pressed.isDone());
        dev.withModels(() -> dev.model("btns_gpio", AxiGpioModel.class).setInput(1, 0b1000));
        pressed.get(30, TimeUnit.SECONDS);
        assertTrue(pressed.isDone() && !pressed.isCompletedExceptionally());
    }

    @Test
    void onValueFailsWithTheTimeoutAndCancelEndsTheWait() throws Exception {
        System.setProperty("jynq.wait.timeout", "0.1");
        GpioSlice btn = ol.ip("btns_gpio", AxiGpio.class).get(2);
        ExecutionException e = assertThrows(ExecutionException.class, () -> btn.onValue(1).get(30, TimeUnit.SECONDS));
        assertInstanceOf(HardwareTimeoutException.class, e.getCause());
        System.setProperty("jynq.wait.timeout", "PT60S");
        CompletableFuture<Void> f = btn.onValue(1);
        assertTrue(f.cancel(true));
        // the waiting thread sees the interrupt and ends; a later wait works as before
        dev.withModels(() -> dev.model("btns_gpio", AxiGpioModel.class).setInput(1, 0b0100));
        btn.waitForValue(1);
    }
}
