package io.jynq.kernel.it;

import static io.jynq.kernel.it.KernelHarness.first;
import static io.jynq.kernel.it.KernelHarness.result;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Issue 13 through the real kernel on the simulated board: tutorial 05's {@code %%c} cell run
 * twice, then each fault of user C code; the kernel and its variables survive every one.
 */
@Tag("slow")
class KernelNativeIT {
    private static JsonObject r;

    @BeforeAll
    static void drive() {
        r = KernelHarness.scenario("native");
    }

    private static String error(String run) {
        JsonObject e = first(r.getAsJsonObject(run), "error");
        assertNotNull(e, run + " should fail: " + r.get(run));
        return e.get("evalue").getAsString();
    }

    @Test
    void tutorial05CellRunTwiceKeepsAWorkingBinding() {
        assertNull(first(r.getAsJsonObject("clib_again"), "error"), String.valueOf(r.get("clib_again")));
        String out = first(r.getAsJsonObject("sums"), "stream").get("text").getAsString();
        assertTrue(out.contains("equal: true"), out);
    }

    @Test
    void eachFaultIsReportedWithSignalFunctionAndLine() {
        assertTrue(error("null").startsWith("SIGSEGV in read_null (faults.c:3) reading 0x0"), error("null"));
        assertTrue(error("before").contains("4096 bytes before argument 'data'"), error("before"));
        assertTrue(error("far").startsWith("SIGSEGV in read_far (faults.c:5)"), error("far"));
        assertTrue(error("div").startsWith("SIGFPE in divide (faults.c:6): integer division by zero"), error("div"));
        assertTrue(error("abort").startsWith("SIGABRT in crash (faults.c:7): abort() called"), error("abort"));
        assertTrue(error("recursion").contains("stack overflow"), error("recursion"));
        assertTrue(error("exit").startsWith("leave ended the helper process with exit(3)"), error("exit"));
    }

    @Test
    void badJavaArgumentsAreRefusedNamingTheParameter() {
        assertTrue(error("null_arg").startsWith("argument 'data'"), error("null_arg"));
        assertTrue(error("too_long").contains("argument 'len'"), error("too_long"));
    }

    @Test
    void theStopButtonEndsASpinningCCall() {
        assertEquals("error", r.getAsJsonObject("spin").getAsJsonObject("reply").get("status").getAsString());
        // generous: the point is that it ends at all (a C loop in the JVM never would)
        assertTrue(r.get("spin_interrupt_s").getAsDouble() < 30, "took " + r.get("spin_interrupt_s"));
    }

    @Test
    void anOverrunFaultsAndLeavesTheNeighbourIntact() {
        assertTrue(error("overrun").contains("past the end of argument 'data'"), error("overrun"));
        assertEquals("4096", result(r.getAsJsonObject("neighbour")));
    }

    @Test
    void redefiningACellWhileItsFunctionRunsLeavesTheRunningCallItsCode() {
        for (String mode : new String[] {"redefine", "redefine_in_process"}) {
            assertNull(first(r.getAsJsonObject(mode), "error"), mode + ": " + r.get(mode));
            assertEquals("1500", result(r.getAsJsonObject(mode + "_running")), mode + ": " + r.get(mode + "_running"));
            assertEquals("-5", result(r.getAsJsonObject(mode + "_new")), mode + ": " + r.get(mode + "_new"));
        }
    }

    @Test
    void theKernelKeepsItsVariablesAndBuffers() {
        assertEquals("42", result(r.getAsJsonObject("kept")));
        assertEquals("true", result(r.getAsJsonObject("after")));
    }
}
