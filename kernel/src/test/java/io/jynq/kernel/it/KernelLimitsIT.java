package io.jynq.kernel.it;

import static io.jynq.kernel.it.KernelHarness.KERNEL;
import static io.jynq.kernel.it.KernelHarness.SMALL_HEAP_KERNEL;
import static io.jynq.kernel.it.KernelHarness.first;
import static io.jynq.kernel.it.KernelHarness.result;
import static io.jynq.kernel.it.KernelHarness.transport;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Nothing ends the kernel: a request too large for a 128 MB heap, a cell that exhausts the heap,
 * an output flood, the parent process killed (the kernel must then end by itself).
 */
@Tag("slow")
class KernelLimitsIT {

    @Test
    void aCellTooLargeForTheHeapIsRefusedWithSizeAndLimit() {
        JsonObject r = transport("smallheap", SMALL_HEAP_KERNEL);
        long heap = Long.parseLong(result(r.getAsJsonObject("heap")));
        assertTrue(heap < 200L << 20, "the kernel runs with -Xmx128m: " + heap);
        JsonObject big = r.getAsJsonObject("big_cell");
        assertEquals("error", big.getAsJsonObject("reply").get("status").getAsString());
        String why = first(big, "error").get("evalue").getAsString();
        assertTrue(why.contains("execute_request of 5.0 MiB is larger than this kernel accepts") && why.contains("-Xmx"), why);
        assertEquals("2", result(r.getAsJsonObject("after_big")));
    }

    @Test
    void aCellThatExhaustsTheHeapIsAnErrorAndTheKernelGoesOn() {
        JsonObject r = transport("smallheap", SMALL_HEAP_KERNEL);
        JsonObject err = first(r.getAsJsonObject("oom"), "error");
        assertNotNull(err, r.getAsJsonObject("oom").toString());
        assertEquals("java.lang.OutOfMemoryError", err.get("ename").getAsString());
        assertTrue(err.get("evalue").getAsString().contains("--jvm-option -Xmx"), err.toString());
        assertEquals("4", result(r.getAsJsonObject("after_oom")));
        assertEquals("ok", r.get("kernel_info").getAsString());
    }

    @Test
    void floodsAreCutToTheRateAndTheCellSaysWhatWasDropped() {
        JsonObject r = transport("flood", KERNEL);
        JsonObject nonl = r.getAsJsonObject("nonl");
        assertEquals("ok", nonl.get("status").getAsString());
        long delivered = nonl.get("stream_bytes").getAsLong();
        String notices = nonl.getAsJsonArray("notices").toString();
        Matcher m = Pattern.compile("([0-9.]+) MiB of output dropped").matcher(notices);
        assertTrue(m.find() && notices.contains("JYNQ_IOPUB_DATA_RATE_LIMIT"), notices);
        // how much gets through depends on how fast the cell printed (1 MB/s after a 3 MB burst);
        // that every byte printed was either shown or counted as dropped does not
        long dropped = Math.round(Double.parseDouble(m.group(1)) * (1 << 20));
        long printed = 20L << 20;
        assertTrue(delivered < printed && dropped > 0, "20 MiB printed at once: " + delivered + " shown");
        assertTrue(Math.abs(delivered + dropped - printed) < 200_000,
                "shown " + delivered + " + dropped " + dropped + " should be the 20 MiB printed (± notices, rounding)");
        assertTrue(nonl.get("stream_messages").getAsInt() < 1000, "coalesced: " + nonl);
        assertEquals("ok", r.getAsJsonObject("lines").get("status").getAsString());
    }

    @Test
    void aPrintlnLoopIsCoalescedAndEveryLineIsShownOrCounted() {
        JsonObject lines = transport("flood", KERNEL).getAsJsonObject("lines");
        assertTrue(!lines.get("printed_bytes").isJsonNull(), "the loop's count is the cell's result: " + lines);
        long printed = lines.get("printed_bytes").getAsLong();
        long shown = lines.get("stdout_bytes").getAsLong();
        Matcher m = Pattern.compile("([0-9.]+) MiB of output dropped").matcher(lines.getAsJsonArray("notices").toString());
        long dropped = m.find() ? Math.round(Double.parseDouble(m.group(1)) * (1 << 20)) : 0;
        // how much is dropped depends on how fast the loop ran; that nothing vanished does not (± the notice's 0.1 MiB rounding)
        assertTrue(Math.abs(shown + dropped - printed) < 120_000,
                "shown " + shown + " + dropped " + dropped + " should be the " + printed + " bytes the loop printed: " + lines);
        long printlns = printed / "line 100000 of a flood\n".length();
        assertTrue(lines.get("stream_messages").getAsInt() < 2000, printlns + " printlns, not a message each: " + lines);
    }

    /**
     * The same 20 MiB through Debian's Jupyter Notebook server, whose own iopub_data_rate_limit
     * (1 MB/s over 3 s) drops every message once passed: the kernel stays under it, so the cell's
     * notice of what was dropped reaches the browser and the server never steps in.
     */
    @Test
    void throughTheNotebookServerTheCellsNoticeArrivesAndTheServerNeverDrops() {
        JsonObject r = transport("server_flood", KERNEL);
        JsonObject nonl = r.getAsJsonObject("nonl");
        assertEquals("ok", nonl.get("status").getAsString(), r.toString());
        assertTrue(nonl.getAsJsonArray("notices").toString().contains("MiB of output dropped"), "the cell's notice arrived: " + nonl);
        assertTrue(!nonl.get("outputs_text").toString().contains("IOPub data rate exceeded"), "the server dropped output: " + nonl);
        assertEquals("[]", r.getAsJsonArray("server_log").toString(), "the server's log: " + r.get("server_log"));
        assertEquals("[\"42\"]", r.getAsJsonObject("after").getAsJsonArray("result").toString());
    }

    @Test
    void theStopButtonEndsAFloodingCell() {
        JsonObject r = transport("flood", KERNEL);
        JsonObject stop = r.getAsJsonObject("stop");
        assertEquals("error", stop.get("status").getAsString());
        assertEquals("[\"Interrupted\"]", stop.getAsJsonArray("errors").toString());
        assertTrue(stop.getAsJsonArray("notices").toString().contains("dropped"), stop.toString());
        assertEquals("42", result(r.getAsJsonObject("after")));
    }

    @Test
    void theKernelEndsWhenItsParentIsKilled() {
        JsonObject r = transport("parent", KERNEL);
        assertTrue(r.get("alive_before").getAsBoolean());
        assertTrue(!r.get("gone_after_s").isJsonNull(), "the kernel outlived its parent by 60 s: " + r);
    }
}
