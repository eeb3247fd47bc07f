package io.jynq.overlays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jynq.device.sim.SimDevice;
import io.jynq.device.sim.model.AxiGpioModel;
import io.jynq.drivers.gpio.AxiGpio;
import io.jynq.drivers.gpio.GpioSlice;
import io.jynq.drivers.gpio.Rgbled;
import io.jynq.overlay.LoadOptions;
import io.jynq.overlay.Overlay;
import io.jynq.testing.SharedData;
import io.jynq.testing.SimBoards;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PYNQ's {@code BaseOverlay} cells on the real PYNQ-Z1 base design and the KV260 DFX design (../shared). */
class BaseOverlayTest {
    @TempDir
    Path dir;

    /** {@code base.bit} + {@code base.hwh} in a folder of their own, linked to the shared files. */
    private Path design(String bit, String hwh) throws IOException {
        Path d = Files.createDirectories(dir.resolve("overlays"));
        Files.createSymbolicLink(d.resolve("base.bit"), SharedData.bit(bit));
        Files.createSymbolicLink(d.resolve("base.hwh"), SharedData.hwh(hwh));
        return d.resolve("base.bit");
    }

    @Test
    void pynqZ1CellsAsInPynqsBaseOverlayNotebooks() throws IOException {
        Path bit = design("pynqz1_base.bit", "pynqz1_base.hwh");
        SimDevice dev = SimBoards.open(dir, 32);
        var base = new BaseOverlay(bit.toString(), LoadOptions.defaults().withDevice(dev));
        assertEquals(BaseBoard.PYNQ_Z1, base.board());
        assertEquals(4, base.leds.size());
        assertEquals(4, base.buttons.size());
        assertEquals(2, base.switches.size());

        base.leds.get(0).on();
        base.leds.get(3).on();
        assertEquals(0b1001, dev.model("leds_gpio", AxiGpioModel.class).output(1), "LD0 and LD3 lit");
        for (var led : base.leds) {
            led.toggle();
        }
        assertEquals(0b0110, dev.model("leds_gpio", AxiGpioModel.class).output(1));

        dev.withModels(() -> dev.model("btns_gpio", AxiGpioModel.class).setInput(1, 0b0010));
        assertEquals(1, base.buttons.get(1).read());
        assertEquals(0, base.buttons.get(0).read());
        assertThrows(IllegalStateException.class, () -> base.buttons.get(0).on(), "buttons are inputs");

        assertNull(base.rgbleds.get(0), "PYNQ numbers the RGB LEDs 4 and 5");
        base.rgbleds.get(4).write(Rgbled.GREEN);
        base.rgbleds.get(5).on(Rgbled.RED);
        assertEquals(2 | 4 << 3, dev.model("rgbleds_gpio", AxiGpioModel.class).output(1));
        assertEquals(Rgbled.GREEN, base.rgbleds.get(4).read());
        base.rgbleds.get(4).off();
        assertEquals(4 << 3, dev.model("rgbleds_gpio", AxiGpioModel.class).output(1), "LD5 kept");
        assertThrows(IllegalArgumentException.class, () -> base.rgbleds.get(5).write(8));

        assertTrue(base.ip("leds_gpio") instanceof AxiGpio, "the rest of the overlay is there");
        assertTrue(base.toString().startsWith("BaseOverlay[base, "), base.toString());
    }

    @Test
    void notDownloadedMeansEmptyLists() throws IOException {
        Path bit = design("pynqz1_base.bit", "pynqz1_base.hwh");
        SimDevice dev = SimBoards.open(dir, 32);
        var base = new BaseOverlay(bit.toString(), LoadOptions.defaults().withDevice(dev).withoutDownload());
        assertFalse(base.isLoaded());
        assertTrue(base.leds.isEmpty());
        assertEquals(BaseBoard.PYNQ_Z1, base.board());
    }

    @Test
    void kv260DesignIsTheKv260WithNoUserLeds() throws IOException {
        Path bit = design("pynqz1_base.bit", "kv260_cv_dfx_3_pr.hwh");
        SimDevice dev = SimBoards.open(dir, 32);
        var base = new BaseOverlay(bit.toString(), LoadOptions.defaults().withDevice(dev).withoutDownload());
        assertEquals(BaseBoard.KV260, base.board(), "from SYSTEMINFO BOARD xilinx.com:kv260_som");
        assertTrue(base.leds.isEmpty() && base.rgbleds.isEmpty());
    }

    @Test
    void aDesignOfNoKnownBoardIsRefusedByName() {
        SimDevice dev = SimBoards.open(dir, 64);
        var e = assertThrows(IllegalArgumentException.class,
                () -> new BaseOverlay("dsp_loopback", LoadOptions.defaults().withDevice(dev).withoutDownload()));
        assertTrue(e.getMessage().contains("dsp_loopback") && e.getMessage().contains("not the base design of the pynq-z1"), e.getMessage());
    }

    /** The subclass PYNQ's overlay tutorial writes: {@code class TestOverlay(Overlay)}. */
    static final class TestOverlay extends Overlay {
        final AxiGpio leds;

        TestOverlay(String bit, LoadOptions o) {
            super(bit, o);
            leds = ip("leds_gpio", AxiGpio.class);
        }
    }

    @Test
    void overlayClassesOfYourOwnExtendOverlay() throws IOException {
        Path bit = design("pynqz1_base.bit", "pynqz1_base.hwh");
        SimDevice dev = SimBoards.open(dir, 32);
        TestOverlay ol = new TestOverlay(bit.toString(), LoadOptions.defaults().withDevice(dev));
        assertTrue(ol.isLoaded());
        ol.leds.channel1().write(0b101, 0b111);
        assertEquals(0b101, dev.model("leds_gpio", AxiGpioModel.class).output(1));
        GpioSlice led = ol.leds.get(2);
        assertEquals(1, led.read());
        assertTrue(ol.toString().startsWith("TestOverlay[base"), ol.toString());
    }
}
