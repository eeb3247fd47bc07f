package io.jynq.overlay.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jynq.capi.CapiException;
import io.jynq.d2l.D2lException;
import io.jynq.device.sim.SimDevice;
import io.jynq.drivers.bram.Bram;
import io.jynq.ffi.cc.CCompileException;
import io.jynq.ffi.cc.CCompiler;
import io.jynq.overlay.LoadOptions;
import io.jynq.overlay.Overlay;
import io.jynq.overlay.pkg.OverlayPackage;
import io.jynq.overlay.pkg.OverlayFinder;
import io.jynq.overlay.pkg.PackageFile;
import io.jynq.testing.SimBoards;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A copy of the dsp_loopback package with one mistake at a time: bad YAML, bad D2L and bad C each
 * give an error at the file and line, and nothing is half loaded: the AT_INIT operation MARK
 * (appended here; it writes 99 to block-RAM word 0) has not run, and a failed C build leaves no
 * library in the compiler's cache.
 */
class DeviceOpsErrorsTest {
    private static final String MARK = """

              - name: MARK
                description: writes 99 to BRAM word 0 when the device is opened
                flags: [AT_INIT]
                arguments:
                  - {name: index, type: uint32_t, default: 0}
                  - {name: value, type: int32_t, default: 99}
                driver: {ip: axi_bram_ctrl_0, method: writeWord}
            """.stripIndent();

    @TempDir
    Path dir;
    private SimDevice board;
    private Path pkg;
    private Path d2l;
    private Path c;
    private CCompiler cc;

    @BeforeEach
    void copyThePackage() throws IOException {
        board = SimBoards.open(dir, 16);
        OverlayPackage bundled = OverlayFinder.standard().find("dsp_loopback").pkg().orElseThrow();
        pkg = Files.createDirectories(dir.resolve("work/dsp_loopback"));
        for (PackageFile f : bundled.files()) {
            Path to = pkg.resolve(bundled.folder().relativize(f.path()).toString());
            Files.createDirectories(to.getParent());
            Files.copy(f.path(), to);
        }
        Files.copy(Path.of(bundled.core().file()), pkg.resolve("dsp_loopback.core"));
        d2l = pkg.resolve("dsp_loopback.d2l.yaml");
        c = pkg.resolve("dsp_ops.c");
        Files.writeString(d2l, Files.readString(d2l) + MARK);
        cc = new CCompiler(dir.resolve("cc"), "gcc", Duration.ofMinutes(1));
    }

    private Overlay load() {
        return Overlay.load(pkg.resolve("dsp_loopback.bit").toString(), LoadOptions.defaults().withDevice(board));
    }

    private int word0(Overlay ol) {
        return ol.ip("axi_bram_ctrl_0", Bram.class).readWord(0);
    }

    private static int lineOf(String text, String needle) {
        int at = text.indexOf(needle);
        assertTrue(at >= 0, needle);
        return (int) text.substring(0, at).chars().filter(ch -> ch == '\n').count() + 1;
    }

    private void replace(Path file, String from, String to) throws IOException {
        String text = Files.readString(file);
        assertTrue(text.contains(from), from);
        Files.writeString(file, text.replace(from, to));
    }

    @Test
    void theIntactCopyOpensAndRunsMark() {
        Overlay ol = load();
        DeviceOps.open(ol, "DSP_LOOPBACK", cc);
        assertEquals(99, word0(ol));
    }

    @Test
    void anOverlayNotInThePlIsRefused() throws IOException {
        Overlay ol = Overlay.load(pkg.resolve("dsp_loopback.bit").toString(),
                LoadOptions.defaults().withDevice(board).withoutDownload());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> DeviceOps.open(ol, "DSP_LOOPBACK", cc));
        assertEquals("overlay dsp_loopback is not loaded in the PL; call download() first", e.getMessage());
        assertEquals(List.of(), libraries());
    }

    @Test
    void badYamlIsReportedAtItsLineAndNothingRuns() throws IOException {
        replace(d2l, "  - name: SET_TAPS\n", "  - name: SET_TAPS\n    description: [unclosed\n");
        Overlay ol = load();
        D2lException e = assertThrows(D2lException.class, () -> DeviceOps.open(ol, "DSP_LOOPBACK", cc));
        assertEquals(d2l.toString(), e.file());
        assertTrue(e.getMessage().contains("YAML syntax error"), e.getMessage());
        int line = lineOf(Files.readString(d2l), "[unclosed");
        assertTrue(e.line() >= line && e.line() <= line + 2, e.getMessage());
        assertEquals(0, word0(ol));
    }

    @Test
    void unknownRegisterIsReportedAtItsStepAndNothingRuns() throws IOException {
        replace(d2l, "{write: coef_7, value: 0}\n\n  - name: SET_TAPS", "{write: coef_9, value: 0}\n\n  - name: SET_TAPS");
        Overlay ol = load();
        D2lException e = assertThrows(D2lException.class, () -> DeviceOps.open(ol, "DSP_LOOPBACK", cc));
        assertEquals(lineOf(Files.readString(d2l), "coef_9"), e.line());
        assertTrue(e.getMessage().contains("operation DSP_LOOPBACK.PASS_THROUGH: no register \"coef_9\" in fir_0;"
                + " registers: [coef_0,"), e.getMessage());
        assertEquals(0, word0(ol));
    }

    @Test
    void unknownDriverMethodListsTheDriversMethods() throws IOException {
        replace(d2l, "method: reset}", "method: restart}");
        Overlay ol = load();
        D2lException e = assertThrows(D2lException.class, () -> DeviceOps.open(ol, "DSP_LOOPBACK", cc));
        assertEquals(lineOf(Files.readString(d2l), "- name: RESET_DMA"), e.line());
        assertTrue(e.getMessage().contains("driver AxiDma has no public method \"restart\"; methods: ["), e.getMessage());
        assertTrue(e.getMessage().contains("reset"), e.getMessage());
        assertEquals(0, word0(ol));
    }

    @Test
    void driverMethodWithTheWrongArgumentsIsRefusedAtOpen() throws IOException {
        replace(d2l, "driver: {ip: axi_bram_ctrl_0}\n\n  - name: READ_WORD",
                "driver: {ip: axi_bram_ctrl_0, method: readWord}\n\n  - name: READ_WORD");
        Overlay ol = load();
        D2lException e = assertThrows(D2lException.class, () -> DeviceOps.open(ol, "DSP_LOOPBACK", cc));
        assertTrue(e.getMessage().contains("Bram.readWord takes [readWord(long)], none of which accepts (uint32_t, int32_t)"),
                e.getMessage());
        assertEquals(0, word0(ol));
    }

    @Test
    void badCIsReportedAtTheSourceLineAndLeavesNoLibrary() throws IOException {
        replace(c, "        h *= 16777619u;\n", "        h *= 16777619u\n");
        Overlay ol = load();
        CCompileException e = assertThrows(CCompileException.class, () -> DeviceOps.open(ol, "DSP_LOOPBACK", cc));
        assertEquals("dsp_ops.c", e.firstError().file());
        int line = lineOf(Files.readString(c), "h *= 16777619u");
        assertTrue(e.firstError().line() == line || e.firstError().line() == line + 1, e.getMessage());
        assertTrue(e.getMessage().startsWith("dsp_ops.c:" + e.firstError().line() + ":"), e.getMessage());
        assertEquals(0, word0(ol));
        assertEquals(List.of(), libraries());
    }

    @Test
    void missingCFunctionIsReportedAtTheOperation() throws IOException {
        replace(d2l, "c: checksum", "c: crc32");
        Overlay ol = load();
        D2lException e = assertThrows(D2lException.class, () -> DeviceOps.open(ol, "DSP_LOOPBACK", cc));
        assertEquals(lineOf(Files.readString(d2l), "- name: CHECKSUM"), e.line());
        assertTrue(e.getMessage().contains("no function 'crc32'"), e.getMessage());
        assertEquals(0, word0(ol));
    }

    @Test
    void coreNamingAMissingFileIsReportedAtItsLine() throws IOException {
        Path core = pkg.resolve("dsp_loopback.core");
        replace(core, "- dsp_ops.c\n", "- dsp_ops2.c\n");
        CapiException e = assertThrows(CapiException.class, () -> OverlayFinder.standard().find(pkg.toString()));
        assertEquals(core.toString(), e.location().file());
        assertEquals(lineOf(Files.readString(core), "dsp_ops2.c"), e.location().line());
        assertTrue(e.getMessage().contains("file dsp_ops2.c does not exist"), e.getMessage());
        assertFalse(board.plState().isProgrammed(), "nothing was downloaded");
        Overlay ol = load();
        assertThrows(CapiException.class, () -> DeviceOps.open(ol, "DSP_LOOPBACK", cc));
        assertEquals(0, word0(ol));
    }

    private List<Path> libraries() throws IOException {
        if (!Files.isDirectory(dir.resolve("cc"))) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(dir.resolve("cc"))) {
            return s.filter(p -> p.toString().endsWith(".so")).toList();
        }
    }
}
