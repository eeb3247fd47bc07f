package io.jynq.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jynq.testing.DspLoopback;
import io.jynq.testing.SharedData;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 14: every {@code .hwh} JYNQ ships or writes in tests follows Vivado's conventions
 * ({@link VivadoConventions}), checked against the five real Vivado files, and (opt-in, with
 * {@code JYNQ_PYNQ_SRC}) PYNQ 3's own metadata parser reads them.
 */
class HwhConventionsTest {
    private static final List<String> REAL = List.of("pynqz1_base.hwh", "pynqz1_logictools.hwh", "kv260_cv_dfx_3_pr.hwh",
            "kv260_pr2_add_partial.hwh", "ultra96_sensors96b.hwh");

    @TempDir
    Path dir;

    /** The reference: the conventions are Vivado's only if every real file keeps them. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"pynqz1_base.hwh", "pynqz1_logictools.hwh", "kv260_cv_dfx_3_pr.hwh",
            "kv260_pr2_add_partial.hwh", "ultra96_sensors96b.hwh"})
    void realVivadoFilesKeepTheConventions(String name) throws Exception {
        assertEquals(List.of(), VivadoConventions.breaches(SharedData.hwh(name)));
    }

    @Test
    void everyHwhJynqShipsOrTestsWithKeepsThem() throws Exception {
        List<Path> files = jynqHwhFiles();
        assertTrue(files.stream().anyMatch(p -> p.endsWith("dsp_loopback.hwh"))
                && files.stream().anyMatch(p -> p.endsWith("tiny_zynq.hwh")), files.toString());
        for (Path f : files) {
            assertEquals(List.of(), VivadoConventions.breaches(f), f.toString());
        }
    }

    /** The check can fail: the old dsp_loopback listed every member of a net on each input. */
    @Test
    void anInputListingItsFellowLoadsIsCaught() throws Exception {
        String text = Files.readString(DspLoopback.hwh(), StandardCharsets.UTF_8);
        String marker = "<CONNECTION INSTANCE=\"processing_system7_0\" PORT=\"FCLK_CLK0\"/>";
        int at = text.indexOf(marker, text.indexOf("NAME=\"ap_clk\""));
        assertTrue(at > 0, "fir_0/ap_clk lists its driver FCLK_CLK0");
        Path bad = dir.resolve("old_style.hwh");
        Files.writeString(bad, text.substring(0, at) + "<CONNECTION INSTANCE=\"axi_gpio_0\" PORT=\"s_axi_aclk\"/>"
                + text.substring(at), StandardCharsets.UTF_8);
        List<String> b = VivadoConventions.breaches(bad);
        assertTrue(b.stream().anyMatch(s -> s.startsWith("wrong polarity") && s.contains("axi_gpio_0/s_axi_aclk")), b.toString());
        assertTrue(b.stream().anyMatch(s -> s.startsWith("one-sided")), b.toString());
    }

    /**
     * Opt-in: PYNQ 3's metadata parser (pynqmetadata, from a PYNQ-Metadata checkout or any folder
     * holding the package, named by {@code JYNQ_PYNQ_SRC}) reads every file JYNQ ships or tests
     * with, as it reads the real ones. Needs {@code /usr/bin/python3} with pydantic and xmltodict
     * (Debian: python3-pydantic, python3-xmltodict).
     */
    @Test
    void pynqsOwnMetadataParserReadsThem() throws Exception {
        String src = System.getenv("JYNQ_PYNQ_SRC");
        Path pkg = src == null ? null : findPynqMetadata(Path.of(src));
        assumeTrue(pkg != null, "JYNQ_PYNQ_SRC does not name a folder holding pynqmetadata/ (a Xilinx/PYNQ-Metadata"
                + " checkout); skipping PYNQ's own metadata parser");
        List<String> args = new ArrayList<>(List.of("/usr/bin/python3", "-c", String.join("\n",
                "import sys",
                "sys.path.insert(0, sys.argv[1])",
                "from pynqmetadata.frontends import Metadata",
                "for f in sys.argv[2:]:",
                "    try:",
                "        Metadata(f); print('OK', f)",
                "    except Exception as e:",
                "        print('FAIL', f, type(e).__name__, e)"), pkg.toString()));
        args.add(SharedData.hwh(REAL.get(0)).toString());  // the reference first: the parser works here
        jynqHwhFiles().forEach(p -> args.add(p.toString()));
        Process p = new ProcessBuilder(args).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(300, TimeUnit.SECONDS), out);
        assertEquals(0, p.exitValue(), out);
        assertEquals(args.size() - 4, out.lines().filter(l -> l.startsWith("OK ")).count(), out);
    }

    private static Path findPynqMetadata(Path src) throws IOException {
        if (Files.isRegularFile(src.resolve("pynqmetadata/__init__.py"))) {
            return src;
        }
        if (!Files.isDirectory(src)) {
            return null;
        }
        try (Stream<Path> s = Files.list(src)) {
            return s.filter(d -> Files.isRegularFile(d.resolve("pynqmetadata/__init__.py"))).findFirst().orElse(null);
        }
    }

    /** Every .hwh under a src folder of the repository: the shipped overlays and the test designs. */
    static List<Path> jynqHwhFiles() throws IOException, URISyntaxException {
        Path overlaysModule = Path.of(HwhConventionsTest.class.getResource("/io/jynq/metadata/tiny_zynq.hwh").toURI())
                .getParent().getParent().getParent().getParent().getParent().getParent();  // overlays/target/test-classes -> overlays
        Path root = overlaysModule.getParent();
        List<Path> out = new ArrayList<>();
        try (Stream<Path> s = Files.walk(root, 12)) {
            s.filter(p -> p.toString().endsWith(".hwh") && p.toString().contains("/src/") && !p.toString().contains("/target/"))
                    .sorted().forEach(out::add);
        }
        return out;
    }
}
