package io.jynq.magics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jynq.device.Devices;
import io.jynq.overlay.Overlay;
import io.jynq.testing.ScriptedDevice;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OverlayMagicTest {
    private ScriptedDevice board;
    private JShellContext ctx;

    @BeforeEach
    void board() {
        board = new ScriptedDevice();
        Devices.setActive(board);
        ctx = new JShellContext();
    }

    @AfterEach
    void restore() {
        ctx.close();
        Devices.setActive(null); // the next Device.active() chooses again
    }

    @Test
    void loadBindsATypedFacadeThatCompilesAndCompletesInJShell() {
        Object shown = new OverlayMagic().eval(ctx, List.of("load", "dsp_loopback"));

        Overlay ol = (Overlay) shown;
        assertTrue(ol.isLoaded());
        assertSame(ol, LoadedOverlay.get());
        assertEquals(1, board.downloads().size());
        assertEquals("DspLoopbackOverlay", ctx.eval("ol.getClass().getSimpleName()").replace("\"", ""));
        assertEquals("\"dsp_loopback\"", ctx.eval("ol.overlay.name()"));
        // each field is the driver the overlay binds, typed as that driver's class
        for (String ip : List.of("axi_dma_0", "axi_gpio_0", "axi_intc_0", "add_0", "fir_0", "axi_bram_ctrl_0")) {
            String bound = ol.ip(ip).getClass().getName();
            assertEquals("\"" + bound + "\"", ctx.eval("ol." + ip + ".getClass().getName()"), ip);
            assertEquals("\"" + FacadeBinder.sourceName(ol.ip(ip).getClass()) + "\"",
                    ctx.eval("DspLoopbackOverlay.class.getField(\"" + ip + "\").getType().getCanonicalName()"), ip);
        }
        // the overlay's own calls work on the facade too
        assertEquals("true", ctx.eval("ol.ip(\"axi_dma_0\", io.jynq.drivers.dma.AxiDma.class) == ol.axi_dma_0"));
        assertEquals("true", ctx.eval("ol.isLoaded()"));
        assertEquals("7", ctx.eval("ol.ipDict().size()"));
        List<String> completions = ctx.complete("ol.axi_");
        assertTrue(completions.containsAll(List.of("axi_dma_0", "axi_gpio_0", "axi_intc_0", "axi_bram_ctrl_0")), completions.toString());
        assertFalse(ctx.complete("ol.").contains("processing_system7_0"));
        assertTrue(ctx.printed().contains("ol = DspLoopbackOverlay"), ctx.printed());
    }

    @Test
    void asVarAndNoDownloadAreHonoured() {
        new OverlayMagic().eval(ctx, List.of("load", "dsp_loopback", "as", "dsp"));
        new OverlayMagic().eval(ctx, List.of("load", "dsp_loopback", "as", "again", "--no-download"));
        assertEquals(1, board.downloads().size(), "--no-download must not download");
        assertEquals("\"dsp_loopback\"", ctx.eval("again.overlay.name()"));
        assertEquals("\"dsp_loopback\"", ctx.eval("dsp.overlay.name()"));
    }

    @Test
    void mistakesSayWhatToTypeInOneLine() {
        MagicUsageException missing = assertThrows(MagicUsageException.class,
                () -> new OverlayMagic().eval(ctx, List.of("load", "no_such_overlay")));
        assertTrue(missing.getMessage().contains("no_such_overlay") && missing.getMessage().contains("%overlays"),
                missing.getMessage());
        assertEquals(0, missing.getStackTrace().length, "a usage error carries no stack trace");

        MagicUsageException var = assertThrows(MagicUsageException.class,
                () -> new OverlayMagic().eval(ctx, List.of("load", "dsp_loopback", "as", "1x")));
        assertTrue(var.getMessage().contains("as ol"), var.getMessage());
        MagicUsageException verb = assertThrows(MagicUsageException.class,
                () -> new OverlayMagic().eval(ctx, List.of("lod", "dsp_loopback")));
        assertTrue(verb.getMessage().contains(OverlayMagic.USAGE), verb.getMessage());
        MagicUsageException opt = assertThrows(MagicUsageException.class,
                () -> new OverlayMagic().eval(ctx, List.of("load", "dsp_loopback", "--nodownload")));
        assertTrue(opt.getMessage().startsWith("unknown option --nodownload"), opt.getMessage());
        assertEquals(0, board.downloads().size(), "a mistake changes nothing on the board");
        assertTrue(ctx.submitted.isEmpty());
    }

    @Test
    void withoutDownloadOnAnEmptyPlTheOverlayIsBoundUntyped() {
        Object shown = new OverlayMagic().eval(ctx, List.of("load", "dsp_loopback", "--no-download"));
        assertFalse(((Overlay) shown).isLoaded());
        assertEquals(0, board.downloads().size());
        assertEquals("\"Overlay\"", ctx.eval("ol.getClass().getSimpleName()"));
        assertTrue(ctx.printed().contains("not loaded on the PL: ol.download(), then %overlay load dsp_loopback"), ctx.printed());
        MagicUsageException regs = assertThrows(MagicUsageException.class,
                () -> new RegistersMagic().eval(ctx, List.of("axi_gpio_0")));
        assertTrue(regs.getMessage().contains("%overlay load dsp_loopback downloads it"), regs.getMessage());
    }

    @Test
    void plStateSaysWhatTheBoardHolds() {
        View before = (View) new OverlayMagic().eval(ctx, List.of());
        assertTrue(before.text().contains("PL holds nothing"), before.text());
        new OverlayMagic().eval(ctx, List.of("load", "dsp_loopback"));
        View after = (View) new OverlayMagic().eval(ctx, List.of());
        assertTrue(after.text().contains("dsp_loopback.bit since"), after.text());
        assertTrue(after.html().contains("<b>scripted</b>"), after.html());
    }

    /** The view shows the partial designs in the regions, read from the PL state every process shares. */
    @Test
    void plStateListsThePartialRegions(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        io.jynq.device.sim.SimDevice dev = io.jynq.testing.SimBoards.open(dir, 32);
        Devices.setActive(dev);
        io.jynq.overlay.Overlay ol = new io.jynq.overlay.Overlay(io.jynq.testing.Kv260Dfx.folder(dir).toString());
        assertTrue(!((View) new OverlayMagic().eval(ctx, List.of())).text().contains("partial regions"));
        ol.prDownload(io.jynq.testing.Kv260Dfx.REGION, "rm_partial.bit");
        View v = (View) new OverlayMagic().eval(ctx, List.of());
        String partial = "partial regions: composable/pr_2 \u2190 " + dir.resolve("cv/rm_partial.bit").toAbsolutePath().normalize();
        assertTrue(v.text().contains("cv_dfx_3_pr.bit since") && v.text().contains(partial), v.text());
        assertTrue(v.html().contains(partial), v.html());
    }

    @Test
    void facadeOfAnOverlaySubclassDeclaredInACellKeepsItsMembers() {
        ctx.eval("class TestOverlay extends io.jynq.overlay.Overlay {"
                + " final String greeting = \"hi\";"
                + " TestOverlay(String bit) { super(bit); }"
                + " int twice(int x) { return 2 * x; } }");
        ctx.eval("var t = new TestOverlay(\"dsp_loopback\");");
        new OverlayMagic().eval(ctx, List.of("facade", "t"));
        assertEquals("\"DspLoopbackOverlay\"", ctx.eval("t.getClass().getSimpleName()"));
        assertEquals("\"hi\"", ctx.eval("t.greeting"), "the subclass's field");
        assertEquals("42", ctx.eval("t.twice(21)"), "the subclass's method");
        assertEquals("\"TestOverlay\"", ctx.eval("t.overlay.getClass().getSimpleName()"));
        assertTrue(ctx.eval("t.axi_gpio_0.getClass().getSimpleName()").contains("AxiGpio"), "the IP as typed fields");
        assertTrue(ctx.eval("t.isLoaded()").equals("true"), "Overlay's methods too");
        // a facade of a facade is the same thing again; a non-overlay is refused by name
        new OverlayMagic().eval(ctx, List.of("facade", "t"));
        assertEquals("\"hi\"", ctx.eval("t.greeting"));
        ctx.eval("var s = \"text\";");
        AssertionError e = assertThrows(AssertionError.class, () -> new OverlayMagic().eval(ctx, List.of("facade", "s")));
        assertTrue(e.getMessage().contains("not an Overlay"), e.getMessage());
    }
}
