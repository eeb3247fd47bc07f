package io.jynq.kernel.it;

import static io.jynq.kernel.it.KernelHarness.first;
import static io.jynq.kernel.it.KernelHarness.result;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Wrongly signed, unsigned, malformed and replayed messages are dropped; the kernel keeps serving. */
@Tag("slow")
class KernelSecurityIT {
    private static JsonObject r;

    @BeforeAll
    static void drive() {
        r = KernelHarness.scenario("security");
    }

    @Test
    void wronglySignedAndUnsignedRequestsAreNotRun() {
        assertEquals(0, r.getAsJsonArray("bad_sig_answers").size(), r.get("bad_sig_answers").toString());
        assertEquals(0, r.getAsJsonArray("unsigned_answers").size());
        JsonObject err = first(r.getAsJsonObject("hacked"), "error");
        assertTrue(err.get("evalue").getAsString().contains("cannot find symbol"), "neither request defined 'hacked'");
    }

    @Test
    void kernelStillAnswersAfterBadMessages() {
        assertEquals("jynq", r.get("kernel_info_after").getAsString());
        assertTrue(r.get("kernel_info_after_s").getAsDouble() < 1.0);
    }

    @Test
    void replayedRequestIsRefused() {
        assertTrue(r.getAsJsonArray("replay_first").toString().contains("execute_reply"));
        assertEquals(0, r.getAsJsonArray("replay_second").size(), r.get("replay_second").toString());
        assertEquals("1", result(r.getAsJsonObject("counter")), "counter++ ran exactly once");
    }
}
