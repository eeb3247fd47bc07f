package io.jynq.kernel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code jynq overlays}: the list %overlays shows, one package in detail, and a missing one. */
class OverlaysCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    @TempDir
    Path dir;
    private String cacheBefore;

    @BeforeEach
    void cache() {
        cacheBefore = System.getProperty("jynq.cache.dir");
        System.setProperty("jynq.cache.dir", dir.toString());
    }

    @AfterEach
    void restore() {
        if (cacheBefore == null) {
            System.clearProperty("jynq.cache.dir");
        } else {
            System.setProperty("jynq.cache.dir", cacheBefore);
        }
    }

    private int run(String... args) {
        CommandLine cl = new CommandLine(new OverlaysCommand());
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    @Test
    void listsTheBundledPackageWithVlnvAndDescription() {
        assertEquals(0, run());
        assertTrue(out.toString().contains("dsp_loopback  jynq:overlays:dsp_loopback:1.0  AXI DMA loopback through an HLS FIR"),
                out.toString());
    }

    @Test
    void showsOnePackagesFilesAndOperations() {
        assertEquals(0, run("dsp_loopback"));
        String text = out.toString();
        assertTrue(text.startsWith("jynq:overlays:dsp_loopback:1.0  AXI DMA"), text);
        assertTrue(text.contains("  C_SOURCE            dsp_ops.c  (library dsp_ops)\n"), text);
        assertTrue(text.contains("  DEVICE_DESCRIPTION  dsp_loopback.d2l.yaml\n"), "the longest role keeps a gap:\n" + text);
        assertTrue(text.contains("  ADD(int32_t a, int32_t b) -> int32_t\n"), text);
        assertTrue(text.contains("  RESET_DMA()  [AT_INIT]\n"), text);
    }

    @Test
    void json() {
        assertEquals(0, run("dsp_loopback", "--json"));
        JsonObject o = JsonParser.parseString(out.toString()).getAsJsonObject();
        assertEquals("jynq:overlays:dsp_loopback:1.0", o.get("vlnv").getAsString());
        assertEquals("DSP_LOOPBACK", o.getAsJsonArray("devices").get(0).getAsJsonObject().get("name").getAsString());
    }

    @Test
    void missingPackageIsOneLineAndExitOne() {
        assertEquals(1, run("no_such_overlay"));
        assertTrue(err.toString().startsWith("jynq overlays: overlay \"no_such_overlay\" not found; looked in the working directory"), err.toString());
        assertEquals(1, err.toString().strip().lines().count());
    }
}
