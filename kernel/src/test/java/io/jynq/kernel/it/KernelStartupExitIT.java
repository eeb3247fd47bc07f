package io.jynq.kernel.it;

import static io.jynq.kernel.it.KernelHarness.result;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** A JYNQ_STARTUP script calling System.exit does not end the kernel. */
@Tag("slow")
class KernelStartupExitIT {
    @Test
    void exitInTheStartupScriptIsRefusedAndTheKernelServes() {
        JsonObject r = KernelHarness.scenario("startup_exit");
        assertTrue(r.get("alive").getAsBoolean());
        assertEquals("2", result(r.getAsJsonObject("first")));
    }
}
