package io.jynq.kernel.it;

import static io.jynq.kernel.it.KernelHarness.first;
import static io.jynq.kernel.it.KernelHarness.outputs;
import static io.jynq.kernel.it.KernelHarness.result;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Execute, errors, completion, inspection, display, comms: one kernel driven by jupyter_client. */
@Tag("slow")
class KernelProtocolIT {
    private static JsonObject r;

    @BeforeAll
    static void drive() {
        r = KernelHarness.scenario("protocol");
    }

    private static JsonObject run(String key) {
        return r.getAsJsonObject(key);
    }

    @Test
    void kernelInfoBannerNamesVersionJdkAndDevice() {
        String banner = r.getAsJsonObject("kernel_info").get("banner").getAsString();
        assertTrue(banner.startsWith("JYNQ "), banner);
        assertTrue(banner.contains("Java " + Runtime.version().feature()) || banner.contains("Java "), banner);
        assertTrue(banner.contains("device: sim"), banner);
        assertEquals("java", r.getAsJsonObject("kernel_info").getAsJsonObject("language_info").get("name").getAsString());
    }

    @Test
    void lastExpressionIsTheExecuteResult() {
        assertEquals("2", result(run("add")));
        assertEquals("ok", run("add").getAsJsonObject("reply").get("status").getAsString());
        assertEquals("42", result(run("var")), "x declared by an earlier cell is shared");
    }

    @Test
    void stdoutAndStderrStreamToTheCell() {
        List<String> streams = new ArrayList<>();
        for (JsonElement e : outputs(run("stream"))) {
            JsonObject c = e.getAsJsonObject().getAsJsonObject("content");
            streams.add(c.get("name").getAsString() + ":" + c.get("text").getAsString());
        }
        assertEquals(List.of("stdout:hello\n", "stderr:oops\n"), streams);
        assertEquals(null, first(run("stream"), "execute_result"), "a declaration has no result");
    }

    @Test
    void compileErrorGivesLineColumnAndCaret() {
        JsonObject err = first(run("compile_error"), "error");
        assertEquals("CompileError", err.get("ename").getAsString());
        assertTrue(err.get("evalue").getAsString().startsWith("line 2, column 11: incompatible types"), err.toString());
        JsonArray tb = err.getAsJsonArray("traceback");
        assertEquals("    int bad = \"text\";", tb.get(1).getAsString());
        assertEquals("    " + " ".repeat(10) + "^", tb.get(2).getAsString());
        assertEquals("error", run("compile_error").getAsJsonObject("reply").get("status").getAsString());
    }

    @Test
    void runtimeErrorShowsSnippetFramesOnly() {
        JsonObject err = first(run("runtime_error"), "error");
        assertEquals("java.lang.ArrayIndexOutOfBoundsException", err.get("ename").getAsString());
        String tb = err.getAsJsonArray("traceback").toString();
        assertTrue(tb.contains("at boom(cell line 2)"), tb);
        assertTrue(tb.contains("at <cell>(cell line 3)"), tb);
        assertTrue(!tb.contains("jdk.jshell") && !tb.contains("io.jynq.kernel") && !tb.contains("reflect"), tb);
    }

    @Test
    void completesJavaAndMagicNames() {
        JsonObject c = r.getAsJsonObject("complete");
        assertTrue(c.getAsJsonArray("matches").toString().contains("println("), c.toString());
        assertEquals(11, c.get("cursor_start").getAsInt());
        assertEquals(14, c.get("cursor_end").getAsInt());
        JsonObject m = r.getAsJsonObject("complete_magic");
        assertEquals("[\"lsmagic\"]", m.getAsJsonArray("matches").toString());
        assertEquals(1, m.get("cursor_start").getAsInt());
    }

    @Test
    void inspectionGivesSignatures() {
        JsonObject i = r.getAsJsonObject("inspect");
        assertTrue(i.get("found").getAsBoolean());
        assertTrue(i.getAsJsonObject("data").get("text/plain").getAsString().contains("int Math.max(int a, int b)"));
    }

    @Test
    void isCompleteAnswersWithIndent() {
        assertEquals("incomplete", r.getAsJsonObject("is_complete_incomplete").get("status").getAsString());
        assertEquals("    ", r.getAsJsonObject("is_complete_incomplete").get("indent").getAsString());
        assertEquals("complete", r.getAsJsonObject("is_complete_complete").get("status").getAsString());
        assertEquals("invalid", r.getAsJsonObject("is_complete_invalid").get("status").getAsString());
    }

    @Test
    void displayIsUpdatedInPlace() {
        JsonArray out = outputs(run("display_update"));
        assertEquals(4, out.size(), out.toString());
        JsonObject shown = out.get(0).getAsJsonObject();
        assertEquals("display_data", shown.get("type").getAsString());
        String id = shown.getAsJsonObject("content").getAsJsonObject("transient").get("display_id").getAsString();
        for (int i = 1; i <= 3; i++) {
            JsonObject u = out.get(i).getAsJsonObject();
            assertEquals("update_display_data", u.get("type").getAsString());
            assertEquals(id, u.getAsJsonObject("content").getAsJsonObject("transient").get("display_id").getAsString());
            assertEquals("step " + i, u.getAsJsonObject("content").getAsJsonObject("data").get("text/plain").getAsString());
        }
    }

    @Test
    void chartsImagesAndTablesRenderRich() {
        JsonObject chart = first(run("chart"), "execute_result").getAsJsonObject("data");
        assertTrue(chart.get("image/png").getAsString().startsWith("iVBORw0KGgo"), "PNG magic in base64");
        JsonObject svg = first(run("chart_svg"), "display_data").getAsJsonObject("data");
        assertTrue(svg.get("image/svg+xml").getAsString().contains("<svg"));
        JsonObject image = first(run("image"), "execute_result").getAsJsonObject("data");
        assertTrue(image.get("image/png").getAsString().startsWith("iVBORw0KGgo"));
        String html = first(run("table"), "execute_result").getAsJsonObject("data").get("text/html").getAsString();
        // header cells carry their column's alignment (the table renderer of the magics layer)
        assertTrue(html.matches("(?s).*<th[^>]*>a</th><th[^>]*>b</th>.*") && html.matches("(?s).*<td[^>]*>&lt;x&gt;</td>.*"), html);
    }

    @Test
    void kernelMagicsRun() {
        String ls = first(run("lsmagic"), "stream").get("text").getAsString();
        assertTrue(ls.contains("%lsmagic") && ls.contains("%help") && ls.contains("%%time"), ls);
        assertTrue(first(run("time"), "stream").get("text").getAsString().matches("Wall time: \\d+\\.\\d ms\n"));
        assertEquals("42", result(run("time")));
    }

    @Test
    void historyServesTailRangeAndSearch() {
        JsonObject tail = r.getAsJsonObject("history_tail");
        assertEquals("ok", tail.get("status").getAsString(), tail.toString());
        JsonArray last = tail.getAsJsonArray("history");
        assertEquals(2, last.size(), "the silent cell is not stored: " + last);
        JsonArray after = last.get(1).getAsJsonArray();
        assertEquals("x + 1", after.get(2).getAsJsonArray().get(0).getAsString(), after.toString());
        assertEquals("22", after.get(2).getAsJsonArray().get(1).getAsString(), "output travels with output=True");

        JsonArray range = r.getAsJsonObject("history_range").getAsJsonArray("history");
        assertEquals(3, range.size(), range.toString());
        assertEquals(1, range.get(0).getAsJsonArray().get(1).getAsInt(), "cells from start=1");
        assertEquals("1+1", range.get(0).getAsJsonArray().get(2).getAsString());

        JsonArray found = r.getAsJsonObject("history_search").getAsJsonArray("history");
        List<String> inputs = new ArrayList<>();
        found.forEach(e -> inputs.add(e.getAsJsonArray().get(2).getAsString()));
        assertEquals(List.of("x * 2", "x + 1"), inputs, "glob 'x *' matches whole inputs, oldest first");

        JsonArray restarted = r.getAsJsonObject("history_after_restart").getAsJsonArray("history");
        assertEquals(2, restarted.size(), restarted.toString());
        JsonArray lastCell = restarted.get(1).getAsJsonArray();
        assertEquals("x + 1", lastCell.get(2).getAsString(), "the previous kernel's last stored cell");
        assertEquals(range.get(0).getAsJsonArray().get(0).getAsInt(), lastCell.get(0).getAsInt(),
                "numbered with the previous kernel's session");
    }

    @Test
    void commMessageIsEchoed() {
        assertEquals(42, r.getAsJsonObject("comm_echo").get("ping").getAsInt());
        assertEquals("jynq.echo", r.getAsJsonObject("comm_info").getAsJsonObject("comms").getAsJsonObject("c0ffee")
                .get("target_name").getAsString());
    }

    @Test
    void backgroundThreadOutputReachesTheCellAfterItFinished() {
        assertEquals(0, outputs(run("bg_cell")).size(), "nothing shown while the cell ran");
        JsonArray late = r.getAsJsonArray("bg_late");
        assertEquals(2, late.size(), late.toString());
        JsonObject display = late.get(0).getAsJsonObject();
        assertEquals("display_data", display.get("type").getAsString());
        assertEquals("from background", display.getAsJsonObject("content").getAsJsonObject("data").get("text/plain").getAsString());
        assertTrue(display.get("after_idle_s").getAsDouble() > 0.3, "arrived after the cell went idle");
        assertEquals("bg print\n", late.get(1).getAsJsonObject().getAsJsonObject("content").get("text").getAsString());
        assertNotNull(result(run("after")));
        assertEquals("22", result(run("after")));
    }
}
