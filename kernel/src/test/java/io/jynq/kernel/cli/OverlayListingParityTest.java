package io.jynq.kernel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jynq.kernel.JynqKernel;
import io.jynq.kernel.history.SessionHistory;
import io.jynq.magics.View;
import io.jynq.overlay.LoadOptions;
import io.jynq.overlay.Overlay;
import io.jynq.overlay.pkg.OverlayFinder;
import io.jynq.overlay.pkg.OverlayPackage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The drift issue 11 saw: {@code %overlays} listed only {@code dsp_loopback} while
 * {@code ./jynq overlays} listed a package {@code mypkg} whose {@code .bit} has another name, and
 * {@code Overlay.load("mypkg")} loaded it. The magic (through a kernel), the command line and the
 * API now agree.
 */
class OverlayListingParityTest {
    @TempDir
    Path dir;
    private String pathBefore;

    @BeforeEach
    void overlayPath() throws IOException {
        OverlayPackage bundled = OverlayFinder.standard().find("dsp_loopback").pkg().orElseThrow();
        Path mypkg = Files.createDirectories(dir.resolve("mypkg"));
        Files.copy(bundled.bitstream(), mypkg.resolve("design_1.bit"));
        Files.copy(bundled.hwh(), mypkg.resolve("design_1.hwh"));
        Files.writeString(mypkg.resolve("mypkg.core"), "CAPI=2:\nname: acme:demo:mypkg:1.0\ndescription: my package\n"
                + "filesets:\n  hw:\n    files: [design_1.bit, design_1.hwh]\n");
        pathBefore = System.getProperty("jynq.overlay.path");
        System.setProperty("jynq.overlay.path", dir.toString());
    }

    @AfterEach
    void restore() {
        if (pathBefore == null) {
            System.clearProperty("jynq.overlay.path");
        } else {
            System.setProperty("jynq.overlay.path", pathBefore);
        }
    }

    @Test
    void percentOverlaysAndJynqOverlaysListTheSameAndLoadFindsWhatTheyList() {
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(new JynqMain());
        cli.setOut(new PrintWriter(out, true));
        assertEquals(0, cli.execute("overlays"));
        List<String> cliLines = out.toString().lines().toList();

        JynqKernel kernel = new JynqKernel(null, List.of(), SessionHistory.inMemory());
        List<String> magicLines;
        try {
            kernel.startSession();
            kernel.awaitSession();
            View v = (View) kernel.evalRaw("%overlays");
            magicLines = v.text().lines().skip(1).toList();
            assertTrue(v.html().contains("<b>mypkg</b>"), v.html());
        } finally {
            kernel.onShutdown(false);
        }

        assertEquals(cliLines, magicLines);
        assertTrue(cliLines.contains("mypkg  acme:demo:mypkg:1.0  my package  (" + dir.resolve("mypkg") + ")"), cliLines.toString());
        assertTrue(cliLines.stream().anyMatch(l -> l.startsWith("dsp_loopback  jynq:overlays:dsp_loopback:1.0")), cliLines.toString());
        Overlay ol = Overlay.load("mypkg", LoadOptions.defaults().withoutDownload());
        assertEquals(dir.resolve("mypkg/design_1.bit"), ol.bitstream().bitfile());
    }
}
