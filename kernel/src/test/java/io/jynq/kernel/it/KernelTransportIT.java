package io.jynq.kernel.it;

import static io.jynq.kernel.it.KernelHarness.KERNEL;
import static io.jynq.kernel.it.KernelHarness.first;
import static io.jynq.kernel.it.KernelHarness.result;
import static io.jynq.kernel.it.KernelHarness.transport;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Issue 12's transport items through jupyter_client: stop_on_error aborts queued cells, output of
 * background threads shows under the running (or last) cell, replies carry status, clear_output
 * reaches the frontend.
 */
@Tag("slow")
class KernelTransportIT {

    @Test
    void afterAnErrorQueuedCellsAreAbortedNotRun() {
        JsonObject r = transport("abort", KERNEL);
        JsonArray replies = r.getAsJsonArray("replies");
        assertEquals("error", status(replies.get(0)));
        assertEquals("aborted", status(replies.get(1)), "the queued cell is answered aborted: " + replies);
        assertEquals("aborted", status(replies.get(2)));
        assertEquals("CompileError", first(r.getAsJsonObject("ranA_after"), "error").get("ename").getAsString(),
                "the aborted cell did not run: ranA is not defined");
        JsonArray noStop = r.getAsJsonArray("no_stop_replies");
        assertEquals("error", status(noStop.get(0)));
        assertEquals("ok", status(noStop.get(1)), "stop_on_error=False: the next cell runs");
        assertEquals("3", result(r.getAsJsonObject("ranC_after")));
        assertEquals("42", result(r.getAsJsonObject("after")), "aborting ends with the queue");
        for (JsonElement pair : r.getAsJsonArray("answered_at_once")) {
            assertEquals("error", pair.getAsJsonArray().get(0).getAsString());
            assertEquals("ok", pair.getAsJsonArray().get(1).getAsString(),
                    "a cell sent after the error reply arrived runs: " + r.get("answered_at_once"));
        }
    }

    @Test
    void backgroundThreadTicksShowUnderTheRunningCellThenTheLast() {
        JsonObject r = transport("background", KERNEL);
        List<String> during = ticks(r.getAsJsonArray("during_second_cell"));
        assertTrue(during.size() >= 3, "ticks printed while cell 2 slept 2.5 s show under cell 2: " + during);
        List<String> idle = ticks(r.getAsJsonArray("while_idle"));
        assertTrue(idle.size() >= 2, "ticks printed while no cell runs show under the last cell: " + idle);
        int last = -1;
        List<String> all = new ArrayList<>(during);
        all.addAll(idle);
        for (String t : all) {
            int n = Integer.parseInt(t.substring("tick ".length()).strip());
            assertEquals(last + 1 == 0 ? n : last + 1, n, "no tick lost or repeated: " + all);
            last = n;
        }
        assertEquals("false", result(r.getAsJsonObject("stop")));
    }

    @Test
    void anExceptionThatEndsABackgroundThreadIsShownUnderTheCell() {
        // JDK 17's JShell replaces the JVM's default handler with one that drops every such
        // exception (JDK 25's keeps it to its own thread group); the kernel must not keep that one
        JsonObject r = transport("background", KERNEL);
        StringBuilder err = new StringBuilder();
        for (JsonElement e : KernelHarness.outputs(r.getAsJsonObject("uncaught"))) {
            JsonObject o = e.getAsJsonObject();
            if (o.get("type").getAsString().equals("stream")) {
                err.append(o.getAsJsonObject("content").get("text").getAsString());
            }
        }
        assertTrue(err.toString().contains("Exception in thread \"dma-callback\" java.lang.IllegalStateException: callback failed"),
                "the thread's end is reported: " + r.get("uncaught"));
    }

    @Test
    void repliesCarryStatus() {
        JsonObject r = transport("replies", KERNEL);
        assertEquals("ok", r.getAsJsonObject("kernel_info").get("status").getAsString());
        assertEquals("ok", r.getAsJsonObject("comm_info").get("status").getAsString());
        assertEquals("ok", r.getAsJsonObject("shutdown").get("status").getAsString());
        assertEquals(false, r.getAsJsonObject("shutdown").get("restart").getAsBoolean());
    }

    @Test
    void clearOutputReachesTheFrontendWithItsWaitFlag() {
        JsonObject r = transport("replies", KERNEL);
        List<String> seen = new ArrayList<>();
        for (JsonElement e : r.getAsJsonObject("clear").getAsJsonArray("outputs")) {
            JsonObject o = e.getAsJsonObject();
            String type = o.get("type").getAsString();
            seen.add(type.equals("clear_output") ? "clear(wait=" + o.getAsJsonObject("content").get("wait").getAsBoolean() + ")"
                    : o.getAsJsonObject("content").get("text").getAsString().strip());
        }
        assertEquals(List.of("frame 1", "clear(wait=true)", "frame 2", "clear(wait=false)"), seen);
    }

    @Test
    void badSettingsAndAFailingStartupScriptAreShownInTheFirstCell() {
        JsonObject r = transport("badconfig", KERNEL);
        assertFirstCellSays(r.getAsJsonObject("abc_missing"), "JYNQ_TIMEOUT='abc' is not a duration", "no-such-startup.jsh cannot be read");
        assertFirstCellSays(r.getAsJsonObject("negative_throws"), "JYNQ_TIMEOUT='-5'",
                "JYNQ_STARTUP failed: java.lang.IllegalStateException: startup script broke");
    }

    /**
     * ZeroMQ's I/O thread runs under SCHED_BATCH, so a send by the shell thread is not preempted
     * by the I/O thread it wakes (which then spun in JeroMQ's mailbox: see IoThreadScheduling);
     * the shell thread keeps the default policy. Read from /proc by the client's process.
     */
    @Test
    void zeroMqsIoThreadRunsUnderBatchSchedulingAndTheShellThreadDoesNot() {
        JsonObject r = transport("threads", KERNEL);
        assertEquals("2", result(r.getAsJsonObject("cell")));
        int batch = 3;
        int other = 0;
        boolean sawIo = false;
        boolean sawShell = false;
        for (JsonElement e : r.getAsJsonArray("threads")) {
            String name = e.getAsJsonObject().get("name").getAsString();
            int policy = e.getAsJsonObject().get("policy").getAsInt();
            if (name.startsWith("iothread-")) {
                sawIo = true;
                assertEquals(batch, policy, name + " should be SCHED_BATCH: " + r.get("threads"));
            } else if (name.equals("jynq-shell")) {
                sawShell = true;
                assertEquals(other, policy, "the shell thread keeps SCHED_OTHER: " + r.get("threads"));
            }
        }
        assertTrue(sawIo && sawShell, "both threads are in the kernel: " + r.get("threads"));
    }

    private static void assertFirstCellSays(JsonObject run, String... texts) {
        JsonObject firstCell = run.getAsJsonObject("first");
        StringBuilder stderr = new StringBuilder();
        for (JsonElement e : KernelHarness.outputs(firstCell)) {
            JsonObject c = e.getAsJsonObject().getAsJsonObject("content");
            if (e.getAsJsonObject().get("type").getAsString().equals("stream") && c.get("name").getAsString().equals("stderr")) {
                stderr.append(c.get("text").getAsString());
            }
        }
        for (String text : texts) {
            assertTrue(stderr.toString().contains(text), "first cell's stderr should say " + text + ": " + firstCell);
        }
        assertEquals("2", result(firstCell), "the kernel serves on");
        assertEquals("4", result(run.getAsJsonObject("second")));
        assertTrue(first(run.getAsJsonObject("second"), "stream") == null, "said once");
        assertTrue(run.get("alive").getAsBoolean());
    }

    private static String status(JsonElement reply) {
        return reply.getAsJsonObject().get("status").getAsString();
    }

    private static List<String> ticks(JsonArray outputs) {
        List<String> ticks = new ArrayList<>();
        for (JsonElement e : outputs) {
            JsonObject o = e.getAsJsonObject();
            if (o.get("type").getAsString().equals("stream")) {
                for (String line : o.getAsJsonObject("content").get("text").getAsString().split("\n")) {
                    if (line.startsWith("tick ")) {
                        ticks.add(line);
                    }
                }
            }
        }
        return ticks;
    }
}
