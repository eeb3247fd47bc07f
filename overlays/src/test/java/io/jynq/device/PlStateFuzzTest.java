package io.jynq.device;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Jazzer fuzz target for the shared PL state file ({@code pl_state.json}), which any process on
 * the board (or a crash, or a hand edit) may have left in any shape. A normal test run replays
 * the seeds under {@code src/test/resources/io/jynq/device/PlStateFuzzTestInputs/fuzzPlState/};
 * {@code JAZZER_FUZZ=1} runs a campaign. Only {@link DeviceException} naming the file may escape.
 */
class PlStateFuzzTest {
    private static final Path FILE = Path.of("/board/pl_state.json");

    @FuzzTest(maxDuration = "60s")
    void fuzzPlState(byte[] data) {
        try {
            PlState s = PlStateStore.parse(FILE, new String(data, StandardCharsets.UTF_8));
            assertTrue(s.regions().stream().allMatch(r -> r.region() != null && r.bitfileName() != null));
        } catch (DeviceException refused) {
            assertTrue(refused.getMessage().contains(FILE.toString()), refused.getMessage());
        }
    }
}
