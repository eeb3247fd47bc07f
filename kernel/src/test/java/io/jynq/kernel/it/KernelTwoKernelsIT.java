package io.jynq.kernel.it;

import static io.jynq.kernel.it.KernelHarness.result;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import io.jynq.testing.DspLoopback;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14, done-when: two kernels (real ones, through jupyter_client) on one simulated board load
 * different overlays 200 times each at the same time. Every download succeeds (no "register file
 * ... missing or short"), every read-back through a fresh handle is what was written or a refusal
 * naming the design that replaced it, and no access through a replaced design's handle succeeds.
 */
@Tag("slow")
class KernelTwoKernelsIT {
    private static final int ROUNDS = 200;
    private static final Pattern COUNTS = Pattern.compile(
            "loads=(\\d+) same=(\\d+) refused=(\\d+) wrong=(\\d+) staleOk=(\\d+) failures=(\\[.*?\\])");

    @TempDir
    Path dir;

    @Test
    void twoKernelsLoadingDifferentOverlaysOnOneBoardNeverCorruptItOrReachAReplacedDesign() throws Exception {
        Path designs = Files.createDirectories(dir.resolve("designs"));
        Path tinyBit = designs.resolve("tiny_zynq.bit");  // a valid bitstream under the tiny design's name
        Files.copy(DspLoopback.bit(), tinyBit);
        try (InputStream in = DspLoopback.class.getResourceAsStream("/io/jynq/metadata/tiny_zynq.hwh")) {
            Files.copy(in, designs.resolve("tiny_zynq.hwh"));
        }
        JsonObject r = KernelHarness.scenario("two_kernels", Map.of("JYNQ_IT_BOARD", dir.resolve("board").toString(),
                "JYNQ_IT_TINY_BIT", tinyBit.toString(), "JYNQ_IT_ROUNDS", Integer.toString(ROUNDS)));
        for (String kernel : new String[] {"a", "b"}) {
            JsonObject run = r.getAsJsonObject(kernel);
            assertEquals("ok", run.getAsJsonObject("reply").get("status").getAsString(), kernel + ": " + run);
            Matcher m = COUNTS.matcher(result(run));
            assertTrue(m.find(), result(run));
            assertEquals(ROUNDS, Integer.parseInt(m.group(1)), kernel + ": every download succeeded: " + result(run));
            assertEquals("[]", m.group(6), kernel + ": no load failed and every stale access named the new design");
            assertEquals(0, Integer.parseInt(m.group(4)), kernel + ": no read-back returned another value: " + result(run));
            assertEquals(0, Integer.parseInt(m.group(5)), kernel + ": no replaced design's handle worked: " + result(run));
            assertEquals(ROUNDS, Integer.parseInt(m.group(2)) + Integer.parseInt(m.group(3)), result(run));
            assertTrue(Integer.parseInt(m.group(2)) > 0, kernel + ": some rounds ran undisturbed: " + result(run));
        }
        assertEquals("true", result(r.getAsJsonObject("after_a")), r.getAsJsonObject("after_a").toString());
        String holds = result(r.getAsJsonObject("after_b"));
        assertTrue(holds.contains("dsp_loopback.bit"), "the board holds the design the last load put there: " + holds);
    }
}
