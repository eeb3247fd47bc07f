package io.jynq.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tab in a notebook, through the real kernel and Debian's jupyter_client: after
 * {@code %overlay load dsp_loopback}, {@code ol.axi_} completes to the facade's IP fields,
 * a driver's methods complete on its typed field, {@code ol.ip("ax} completes IP names, and
 * {@code ol.dsp_loopback.} completes to the operations of the package's device DSP_LOOPBACK.
 */
@Tag("slow")
class FacadeCompletionIT {
    @TempDir
    Path work;

    @Test
    void facadeFieldsDriverMethodsAndIpNamesComplete() throws Exception {
        NotebookRunner runner = new NotebookRunner(work);
        Path script = work.resolve("facade_completion.py");
        try (InputStream in = getClass().getResourceAsStream("facade_completion.py")) {
            Files.copy(in, script);
        }
        ProcessBuilder pb = new ProcessBuilder("/usr/bin/python3", script.toString(), "jynq")
                .redirectError(work.resolve("completion.log").toFile());
        runner.environment(pb.environment());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(p.waitFor(300, TimeUnit.SECONDS), "completion driver timed out");
        assertEquals(0, p.exitValue(), out + Files.readString(work.resolve("completion.log")));
        String[] lines = out.strip().split("\n");
        JsonObject r = JsonParser.parseString(lines[lines.length - 1]).getAsJsonObject();

        assertEquals("ok", r.get("status").getAsString());
        assertTrue(strings(r, "fields").containsAll(List.of("axi_dma_0", "axi_gpio_0", "axi_intc_0", "axi_bram_ctrl_0")),
                r.toString());
        assertTrue(strings(r, "dma").stream().anyMatch(s -> s.startsWith("transfer(")), r.toString());
        assertTrue(strings(r, "ip_names").containsAll(List.of("axi_dma_0", "axi_gpio_0")), r.toString());
        for (String op : List.of("add(", "addWithDriver(", "checksum(", "scale(", "setTaps(", "readWord(", "writeWord(")) {
            assertTrue(strings(r, "device").stream().anyMatch(s -> s.startsWith(op)), op + " in " + r);
        }
    }

    private static List<String> strings(JsonObject r, String key) {
        List<String> out = new ArrayList<>();
        JsonArray a = r.getAsJsonArray(key);
        a.forEach(e -> out.add(e.getAsString()));
        return out;
    }
}
