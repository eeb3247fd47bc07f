package io.jynq.capi;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/**
 * Fuzzes the whole core pipeline (header, YAML, inheritance, schema, records, evaluation and
 * resolution of every target) with arbitrary text. The only exception allowed out is
 * {@link CapiException}; anything else (ClassCastException, StackOverflowError, a hang) is a bug.
 *
 * <p>The seeds under {@code CoreFuzzTestInputs/parse} replay in every test run; {@code JAZZER_FUZZ=1}
 * starts a coverage-guided campaign.
 */
class CoreFuzzTest {

    @FuzzTest(maxDuration = "2m")
    void parse(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        Core core;
        try {
            core = Core.parse(text, "fuzz.core");
        } catch (CapiException refused) {
            assertTrue(refused.location() == null || refused.location().file().equals("fuzz.core")
                    && refused.location().line() >= 1 && refused.location().column() >= 1,
                    "a located refusal names the file, line and column: " + refused.getMessage());
            return;
        }
        for (String target : core.sections().targets().keySet()) {
            try {
                core.resolve(target, Flags.of().tool("icarus").with("mdu"));
            } catch (CapiException expected) {
                // a reference to a missing fileset or a bad conditional
            }
        }
        try {
            core.resolve(Flags.of());
        } catch (CapiException expected) {
            // as above, for the default target
        }
        core.data();
    }
}
