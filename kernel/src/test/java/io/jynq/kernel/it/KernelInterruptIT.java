package io.jynq.kernel.it;

import static io.jynq.kernel.it.KernelHarness.first;
import static io.jynq.kernel.it.KernelHarness.result;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The stop button ends a busy loop and a sleep, leaves no thread burning CPU, and the kernel goes on. */
@Tag("slow")
class KernelInterruptIT {
    private static JsonObject r;

    @BeforeAll
    static void drive() {
        r = KernelHarness.scenario("interrupt");
    }

    @Test
    void busyLoopStopsWithinOneSecond() {
        JsonObject err = first(r.getAsJsonObject("busy"), "error");
        assertEquals("Interrupted", err.get("ename").getAsString());
        assertEquals("error", r.getAsJsonObject("busy").getAsJsonObject("reply").get("status").getAsString());
        assertTrue(r.get("busy_interrupt_s").getAsDouble() < 1.0, "took " + r.get("busy_interrupt_s"));
    }

    @Test
    void noThreadKeepsBurningCpuAfterTheInterrupt() {
        // the loop runs on the evaluator's snippet thread (CapturingExecutionControl names it); not
        // "the thread that burned most": at load 40 JShell's class-path indexer (a pool thread,
        // "Thread-0") out-ran the starved loop and was taken for it
        String spinner = "jynq-snippet";
        JsonObject busy = r.getAsJsonObject("busy_cpu_by_thread");
        double most = busy.has(spinner) ? busy.get(spinner).getAsDouble() : 0;
        assertTrue(most > 0.005, "the loop should have burned CPU: " + busy);
        JsonObject idle = r.getAsJsonObject("idle_cpu_by_thread");
        double after = idle.has(spinner) ? idle.get(spinner).getAsDouble() : 0;
        assertTrue(after < 0.05, spinner + " still burned " + after + " CPU-s in 3 s: " + idle);
        // JIT and class-path indexing finish by themselves; a runaway loop would be ~3 CPU-s here
        assertTrue(r.get("idle_cpu_s_after").getAsDouble() < 2.0, "kernel CPU in 3 s after: " + r.get("idle_cpu_s_after"));
    }

    @Test
    void sleepingCellStopsPromptly() {
        assertEquals("Interrupted", first(r.getAsJsonObject("sleep"), "error").get("ename").getAsString());
        assertTrue(r.get("sleep_interrupt_s").getAsDouble() < 1.0, "took " + r.get("sleep_interrupt_s"));
    }

    @Test
    void kernelStaysUsable() {
        assertEquals("2", result(r.getAsJsonObject("after_busy")));
        assertEquals("4", result(r.getAsJsonObject("after_sleep")));
    }
}
