package io.jynq.magics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jynq.device.Devices;
import io.jynq.metadata.IpDescription;
import io.jynq.overlay.LoadOptions;
import io.jynq.overlay.Overlay;
import io.jynq.testing.ScriptedDevice;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** %ip, %registers, %device and %overlays against the bundled dsp_loopback on a scripted board. */
class IpMagicsTest {
    private ScriptedDevice board;
    private JShellContext ctx;
    private Overlay ol;

    @BeforeEach
    void load() {
        board = new ScriptedDevice();
        Devices.setActive(board);
        ctx = new JShellContext();
        ol = Overlay.load("dsp_loopback", LoadOptions.defaults().withDevice(board));
        LoadedOverlay.set(ol);
    }

    @AfterEach
    void restore() {
        LoadedOverlay.set(null);
        ctx.close();
        Devices.setActive(null); // the next Device.active() chooses again
    }

    @Test
    void ipShowsTheRegisterMapOfTheHwh() {
        View v = (View) new IpMagic().eval(ctx, List.of("axi_dma_0"));
        assertTrue(v.text().startsWith("axi_dma_0 xilinx.com:ip:axi_dma:7.1 at 0x40400000 (64 KiB)"), v.text());
        assertTrue(v.html().contains("MM2S_DMACR"), v.html());
        assertTrue(v.html().contains("RS[0]"), v.html());
        assertTrue(v.text().contains("mm2s_introut"), v.text());
    }

    @Test
    void registersShowLiveValuesDecoded() {
        IpDescription gpio = ol.ipDict().get("axi_gpio_0");
        board.poke(gpio.physAddr() + gpio.register("GPIO2_DATA").byteOffset(), 0b10);
        View v = (View) new RegistersMagic().eval(ctx, List.of("axi_gpio_0"));
        assertTrue(v.text().lines().anyMatch(l -> l.contains("GPIO2_DATA") && l.contains("(2)")), v.text());
        assertTrue(v.html().contains("axi_gpio_0 registers"), v.html());
    }

    @Test
    void unknownIpListsTheClosestNames() {
        MagicUsageException e = assertThrows(MagicUsageException.class, () -> new IpMagic().eval(ctx, List.of("dma")));
        assertTrue(e.getMessage().startsWith("no IP \"dma\" in dsp_loopback; try %ip with one of axi_dma_0"), e.getMessage());
        MagicUsageException none = assertThrows(MagicUsageException.class, () -> new RegistersMagic().eval(ctx, List.of()));
        assertTrue(none.getMessage().contains("%registers NAME"), none.getMessage());
    }

    @Test
    void ipNeedsALoadedOverlay() {
        LoadedOverlay.set(null);
        MagicUsageException e = assertThrows(MagicUsageException.class, () -> new IpMagic().eval(ctx, List.of("axi_dma_0")));
        assertTrue(e.getMessage().contains("%overlay load dsp_loopback first"), e.getMessage());
    }

    @Test
    void deviceShowsBackendAndMemory() {
        View v = (View) new DeviceMagic().eval(ctx, List.of());
        assertTrue(v.text().contains("backend                  scripted"), v.text());
        assertTrue(v.text().contains("dsp_loopback.bit"), v.text());
        assertTrue(v.text().contains("contiguous memory free"), v.text());
    }

    @Test
    void overlaysListsTheBundledOneWithItsDescription() {
        View v = (View) new OverlaysMagic().eval(ctx, List.of());
        assertTrue(v.text().lines().anyMatch(l -> l.startsWith("dsp_loopback  jynq:overlays:dsp_loopback:1.0  AXI DMA loopback")
                && l.endsWith("(classpath:io/jynq/overlays/dsp_loopback)")), v.text());
        assertThrows(MagicUsageException.class, () -> new OverlaysMagic().eval(ctx, List.of("x")));
    }
}
