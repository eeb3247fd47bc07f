package io.jynq.magics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jynq.device.Devices;
import io.jynq.overlay.Overlay;
import io.jynq.testing.CountingDevice;
import io.jynq.testing.DspLoopback;
import io.jynq.testing.SharedData;
import io.jynq.testing.SimBoards;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Drivers bind on first use (PYNQ's {@code _IPMap}), counted on the simulated bus through real
 * JShell cells, and hierarchy drivers a notebook defines type the facade.
 */
class LazyBindingTest {
    @TempDir
    Path dir;
    private final JShellContext ctx = new JShellContext();

    @AfterEach
    void restore() {
        ctx.close();
        Devices.setActive(null);
    }

    @Test
    void overlayLoadInACellTouchesNoRegisterAndTheFirstCallBindsTheDriver() {
        CountingDevice bus = CountingDevice.of(SimBoards.open(dir, 64));
        Devices.setActive(bus.device());
        new OverlayMagic().eval(ctx, List.of("load", "dsp_loopback"));
        assertEquals(List.of(), bus.accesses(), "%overlay load and the facade touched registers");
        assertEquals("\"AxiDma\"", ctx.eval("ol.axi_dma_0.getClass().getSimpleName()"), "typed from the registry");
        assertEquals(List.of(), bus.accesses(), "reading a facade field is not a register access");

        ctx.eval("var mm2s = ol.axi_dma_0.sendChannel();");
        String dmacr = "write32 0x" + Long.toHexString(DspLoopback.DMA) + "+0x0 = ";
        assertTrue(bus.accesses().stream().anyMatch(a -> a.startsWith(dmacr)), "first use starts MM2S: " + bus.accesses());
        assertTrue(bus.accesses().stream().allMatch(a -> a.contains(" 0x" + Long.toHexString(DspLoopback.DMA) + "+")),
                "only the DMA: " + bus.accesses());
        assertEquals("false", ctx.eval("mm2s.halted()"), "started: DMASR.Halted cleared");
    }

    @Test
    void thePynqZ1BaseDesignLoadsInACellWithoutARegisterAccess() {
        CountingDevice bus = CountingDevice.of(SimBoards.open(dir, 32));
        Devices.setActive(bus.device());
        new OverlayMagic().eval(ctx, List.of("load", SharedData.bit("pynqz1_base.bit").toString(),
                "--hwh", SharedData.hwh("pynqz1_base.hwh").toString()));
        assertEquals(List.of(), bus.accesses(), "%overlay load of the PYNQ-Z1 base design touched registers");

        ctx.eval("ol.leds_gpio.channel1().setDirection(\"out\"); ol.leds_gpio.channel1().write(0b0101, 0xF);");
        assertEquals("5", ctx.eval("ol.leds_gpio.channel1().read() & 0xF"));
        assertFalse(bus.accesses().isEmpty());
        String leds = " 0x" + Long.toHexString(LoadedOverlay.get().ipDict().get("leds_gpio").physAddr()) + "+";
        assertTrue(bus.accesses().stream().allMatch(a -> a.contains(leds)), "only leds_gpio: " + bus.accesses());
    }

    @Test
    void aNotebookHierarchyDriverIsTheFacadesFieldTyped() {
        CountingDevice bus = CountingDevice.of(SimBoards.open(dir, 32));
        Devices.setActive(bus.device());
        ctx.eval("class TraceAnalyzer extends io.jynq.overlay.DefaultHierarchy {"
                + " public TraceAnalyzer(io.jynq.overlay.Overlay o, io.jynq.metadata.Hierarchy h) { super(o, h); }"
                + " public static boolean checkHierarchy(io.jynq.metadata.Hierarchy h) {"
                + "   return h.ip().containsKey(\"trace_cntrl_32_0\"); }"
                + " public String hello() { return \"trace analyzer at \" + path(); } }");
        ctx.eval("io.jynq.overlay.DriverRegistry.registerHierarchy(TraceAnalyzer.class);");
        try {
            new OverlayMagic().eval(ctx, List.of("load", SharedData.bit("pynqz1_base.bit").toString(),
                    "--hwh", SharedData.hwh("pynqz1_base.hwh").toString()));
            assertEquals("\"trace analyzer at trace_analyzer_pmoda\"", ctx.eval("ol.trace_analyzer_pmoda.hello()"));
            assertEquals(List.of(), bus.accesses(), "the hierarchy driver on the facade touched no register either");
            assertEquals("\"TraceAnalyzerArduino\"", ctx.eval("ol.trace_analyzer_arduino.getClass().getSimpleName()"),
                    "its trace controller is trace_cntrl_64_0: not claimed, a generated class of its IP");
            assertTrue(ctx.eval("ol.trace_analyzer_arduino.axi_dma_0.getClass().getSimpleName()").contains("AxiDma"));
        } finally {
            ctx.eval("io.jynq.overlay.DriverRegistry.unregister(TraceAnalyzer.class);");
        }
    }
}
