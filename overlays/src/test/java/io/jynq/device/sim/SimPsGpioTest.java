package io.jynq.device.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jynq.device.DeviceException;
import io.jynq.device.Devices;
import io.jynq.drivers.gpio.Direction;
import io.jynq.drivers.gpio.Gpio;
import io.jynq.metadata.HwhParser;
import io.jynq.metadata.OverlayMetadata;
import io.jynq.overlay.LoadOptions;
import io.jynq.overlay.Overlay;
import io.jynq.testing.SharedData;
import io.jynq.testing.SimBoards;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PYNQ's {@code pynq_libraries/psgpio.ipynb} cells and the PYNQ-Z1 base design's EMIO resets. */
class SimPsGpioTest {
    @TempDir
    Path dir;

    @AfterEach
    void restore() {
        Devices.setActive(null);
    }

    @Test
    void psPinsReadWriteAndReleaseAsPynqsGpio() {
        SimDevice dev = SimBoards.open(dir, 32);
        Devices.setActive(dev);
        Overlay ol = Overlay.load(SharedData.bit("pynqz1_base.bit").toString(),
                LoadOptions.defaults().withHwh(SharedData.hwh("pynqz1_base.hwh")));
        int index = ol.gpioDict().get("mb_iop_pmoda_reset").index();
        assertEquals(0, index);
        Gpio out = Gpio.psPin(index, Direction.OUTPUT);
        out.write(1);
        assertEquals(1, out.read());
        DeviceException held = assertThrows(DeviceException.class, () -> Gpio.psPin(index, Direction.INPUT));
        assertTrue(held.getMessage().contains("held"), held.getMessage());
        out.write(0);
        out.release();
        Gpio in = Gpio.psPin(index, Direction.INPUT);
        assertEquals(0, in.read(), "an input reads the line's level");
        assertThrows(IllegalStateException.class, () -> in.write(1));
        in.release();
        assertThrows(IllegalStateException.class, in::read);
        assertThrows(IllegalArgumentException.class, () -> Gpio.psPin(1, Direction.INOUT));
        assertThrows(IndexOutOfBoundsException.class, () -> Gpio.psPin(200, Direction.OUTPUT));
    }

    @Test
    void theIopResetPinResetsWhatItsProcSysResetResets() {
        OverlayMetadata md = HwhParser.parse(SharedData.hwh("pynqz1_base.hwh"));
        String pin = "iop_pmoda/rst_clk_wiz_1_100M/aux_reset_in";
        assertTrue(md.gpioDict().get("mb_iop_pmoda_reset").pins().contains(pin));
        Set<String> reset = SimPsGpio.resetTargets(md, pin, 1);
        assertTrue(reset.containsAll(Set.of("iop_pmoda/gpio", "iop_pmoda/iic", "iop_pmoda/spi", "iop_pmoda/timer",
                "iop_pmoda/intc", "iop_pmoda/mb")), "C_AUX_RESET_HIGH=1: writing 1 asserts it: " + reset);
        assertTrue(SimPsGpio.resetTargets(md, pin, 0).isEmpty(), "writing 0 releases the reset");
        assertTrue(reset.stream().noneMatch(p -> p.startsWith("iop_pmodb")), "only this IOP");
    }
}
