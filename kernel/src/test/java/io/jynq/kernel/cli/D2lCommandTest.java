package io.jynq.kernel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code jynq d2l} on the dsp_loopback fixture and on a bad file. */
class D2lCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cl = new CommandLine(new D2lCommand());
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    private static String fixture() throws Exception {
        return Path.of(D2lCommandTest.class.getResource("/io/jynq/d2l/dsp_loopback.d2l.yaml").toURI()).toString();
    }

    @Test
    void listsDevicesAndOperations() throws Exception {
        assertEquals(0, run(fixture()));
        String text = out.toString();
        assertTrue(text.contains(": valid, 1 device\n"), text);
        assertTrue(text.contains("\nDSP_LOOPBACK  Gain stage and FIR filter behind an AXI DMA loopback  (ip dsp_0, library"
                + " dsp_ops)\n"), text);
        assertTrue(text.contains("  RESET()  [AT_INIT]\n"), text);
        assertTrue(text.contains("  SET_GAIN(uint32_t gain = 1) -> uint32_t\n"
                + "      registers of dsp_0: 4 steps, polls time out after 50 ms, returns status;"), text);
        assertTrue(text.contains("  TRANSFER(buffer data, uint32_t timeout_ms = 1000, uint32_t len_data)  [SEND_BUFFER data]\n"
                + "      driver axi_dma_0.transfer(...)"), text);
        assertTrue(text.contains("      c dsp_ops:fir_filter;"), text);
    }

    @Test
    void json() throws Exception {
        assertEquals(0, run(fixture(), "--json"));
        JsonObject o = JsonParser.parseString(out.toString()).getAsJsonObject();
        JsonObject fir = o.getAsJsonArray("devices").get(0).getAsJsonObject().getAsJsonArray("operations").get(6)
                .getAsJsonObject();
        assertEquals("FIR", fir.get("name").getAsString());
        assertEquals("c", fir.getAsJsonObject("implementation").get("kind").getAsString());
        assertEquals("fir_filter", fir.getAsJsonObject("implementation").get("function").getAsString());
    }

    @Test
    void invalidFileGivesOneLineAndStatus1(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.d2l.yaml");
        Files.writeString(bad, "name: DEV\nip: x\noperations:\n  - name: OP\n    arguments: [{name: a, type: short}]\n"
                + "    driver: true\n");
        assertEquals(1, run(bad.toString()));
        assertEquals(bad + ":5:33: argument \"a\" of operation DEV.OP type \"short\" is not a D2L type; expected one of"
                + " unsigned int, unsigned long, uint32_t, uint64_t, int32_t, int64_t, float, double, bool, buffer\n",
                err.toString());
    }
}
