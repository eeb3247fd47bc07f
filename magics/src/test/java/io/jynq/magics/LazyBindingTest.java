package io.jynq.magics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jynq.device.Devices;
import io.jynq.overlay.Overlay;
import io.jynq.testing.BusAccess;
import io.jynq.testing.ScriptedDevice;
import io.jynq.testing.SharedData;
import io.jynq.testing.SimBoards;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Drivers bind on first use (PYNQ's {@code _IPMap}), and hierarchy drivers a notebook defines type the facade. */
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
    void overlayLoadTouchesNoDmaRegisterUntilTheChannelIsUsed() {
        ScriptedDevice board = new ScriptedDevice();
        Devices.setActive(board);
        Overlay ol = (Overlay) new OverlayMagic().eval(ctx, List.of("load", "dsp_loopback"));
        long dma = ol.ipDict().get("axi_dma_0").physAddr();
        long range = ol.ipDict().get("axi_dma_0").addrRange();
        assertFalse(board.writes().stream().anyMatch(w -> inside(w, dma, range)),
                "%overlay load wrote the DMA: " + board.writes());
        assertEquals("\"AxiDma\"", ctx.eval("ol.axi_dma_0.getClass().getSimpleName()"), "typed from the registry");
        ctx.eval("ol.axi_dma_0.sendChannel();");
        assertTrue(board.writes().stream().anyMatch(w -> w.address() == dma), "first use starts MM2S (DMACR.RS)");
    }

    private static boolean inside(BusAccess w, long base, long range) {
        return w.address() >= base && w.address() < base + range;
    }

    @Test
    void aNotebookHierarchyDriverIsTheFacadesFieldTyped() {
        Devices.setActive(SimBoards.open(dir, 32));
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
            assertEquals("\"TraceAnalyzerArduino\"", ctx.eval("ol.trace_analyzer_arduino.getClass().getSimpleName()"),
                    "its trace controller is trace_cntrl_64_0: not claimed, a generated class of its IP");
            assertTrue(ctx.eval("ol.trace_analyzer_arduino.axi_dma_0.getClass().getSimpleName()").contains("AxiDma"));
        } finally {
            ctx.eval("io.jynq.overlay.DriverRegistry.unregister(TraceAnalyzer.class);");
        }
    }
}
