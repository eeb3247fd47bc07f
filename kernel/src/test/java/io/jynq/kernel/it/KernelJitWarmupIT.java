package io.jynq.kernel.it;

import static io.jynq.kernel.it.KernelHarness.first;
import static io.jynq.kernel.it.KernelHarness.result;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The background JIT warm-up ({@code JYNQ_JIT_WARMUP}, {@code io.jynq.kernel.warmup.JitWarmup})
 * seen through jupyter_client: while it compiles its sample cells, which declare {@code n},
 * {@code name}, {@code scale} and {@code Counter} in a JShell of their own, the user's cells run
 * as in any kernel.
 */
@Tag("slow")
class KernelJitWarmupIT {
    private static JsonObject r;
    private static JsonObject cells;

    @BeforeAll
    static void drive() {
        r = KernelHarness.scenario("jit_warmup");
        cells = r.getAsJsonObject("cells");
    }

    @Test
    void itRunsWhileTheUsersCellsDo() {
        assertFalse(r.get("warm_cpu_before").isJsonNull(), "no jynq-jit-warmup thread in the kernel");
        assertTrue(r.get("warm_cpu_before").getAsDouble() >= 0.5, "the warm-up never compiled: " + r.get("warm_cpu_before"));
    }

    @Test
    void cellsSentMeanwhileAreAnsweredAndKeepTheirVariables() {
        assertEquals("ok", r.getAsJsonObject("first").getAsJsonObject("reply").get("status").getAsString());
        assertEquals("42", result(cells.getAsJsonObject("use")));
        assertEquals("mine", result(cells.getAsJsonObject("name")));
        assertEquals("82", result(cells.getAsJsonObject("again")));
    }

    @Test
    void noNameOfItsSampleCellsReachesTheSession() {
        for (String key : List.of("n", "counter", "scale")) {
            JsonObject error = first(cells.getAsJsonObject(key), "error");
            assertNotNull(error, key + " is known in the user's session: " + cells.getAsJsonObject(key));
            assertTrue(error.get("evalue").getAsString().contains("cannot find symbol"), key + ": " + error);
        }
    }

    @Test
    void historyHoldsOnlyTheUsersCells() {
        StringBuilder sources = new StringBuilder();
        int count = 0;
        for (JsonElement e : r.getAsJsonObject("history").getAsJsonArray("history")) {
            sources.append(e.getAsJsonArray().get(2).getAsString()).append('\n');
            count++;
        }
        assertEquals(8, count, "history: " + sources);
        assertTrue(sources.toString().contains("int userVar = 41;"), sources.toString());
        assertFalse(sources.toString().contains("int n = 12;"), sources.toString());
        assertFalse(sources.toString().contains("class Counter"), sources.toString());
        assertEquals(8, cells.getAsJsonObject("again").getAsJsonObject("reply").get("execution_count").getAsInt());
    }

    @Test
    void theKernelShutsDownWhileItRuns() {
        assertTrue(r.get("running_at_shutdown").getAsBoolean());
        assertFalse(r.get("alive_after_shutdown").getAsBoolean(), "still alive " + r.get("shutdown_s") + " s after shutdown");
    }

    @Test
    void offTurnsItOffAndAnUnknownValueIsShownInTheFirstCell() {
        assertEquals("2", result(r.getAsJsonObject("off_cell")));
        assertTrue(r.get("off_thread").isJsonNull(), "a warm-up thread with JYNQ_JIT_WARMUP=off");
        assertEquals("2", result(r.getAsJsonObject("bad_value")));
        assertTrue(r.get("bad_thread").isJsonNull());
        JsonObject stream = first(r.getAsJsonObject("bad_value"), "stream");
        assertNotNull(stream, "no message for JYNQ_JIT_WARMUP=maybe");
        assertTrue(stream.get("text").getAsString().contains("JYNQ_JIT_WARMUP='maybe' is not on or off"), stream.toString());
    }

    @Test
    void aHeapTooSmallForASecondJShellKeepsItOffAndSaysSo() {
        assertEquals("2", result(r.getAsJsonObject("small_heap")));
        assertTrue(r.get("small_heap_thread").isJsonNull());
        JsonObject stream = first(r.getAsJsonObject("small_heap"), "stream");
        assertNotNull(stream, "no message for JYNQ_JIT_WARMUP=on with a 128 MB heap");
        assertTrue(stream.get("text").getAsString().contains("needs a heap of 256 MB or more"), stream.toString());
    }
}
