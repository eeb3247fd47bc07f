package io.jynq.kernel.it;

import static io.jynq.kernel.it.KernelHarness.first;
import static io.jynq.kernel.it.KernelHarness.result;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** JYNQ_STARTUP runs before the first cell; JYNQ_TIMEOUT stops a cell that runs too long. */
@Tag("slow")
class KernelStartupIT {
    private static JsonObject r;

    @BeforeAll
    static void drive() {
        r = KernelHarness.scenario("startup");
    }

    @Test
    void startupScriptDefinesNames() {
        assertEquals("hello from startup", result(r.getAsJsonObject("greeting")));
    }

    @Test
    void timeoutStopsTheCellAndKernelGoesOn() {
        JsonObject err = first(r.getAsJsonObject("timeout"), "error");
        assertEquals("Interrupted", err.get("ename").getAsString());
        assertEquals("cell exceeded JYNQ_TIMEOUT=3s", err.get("evalue").getAsString());
        double took = r.get("timeout_s").getAsDouble();
        assertTrue(took >= 2.9 && took < 8.0, "took " + took + " s");
        assertEquals("2", result(r.getAsJsonObject("after")));
    }
}
