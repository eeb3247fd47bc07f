package io.jynq.d2l;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Fuzzes the D2L parser with arbitrary text, then binds empty argument maps to every operation it
 * accepts. Only {@link D2lException} may escape parsing and only IllegalArgumentException (a
 * missing required argument) may escape binding; anything else is a bug.
 * Seeds under {@code D2lFuzzTestInputs/parse} replay in every test run.
 */
class D2lFuzzTest {

    @FuzzTest(maxDuration = "2m")
    void parse(byte[] input) {
        D2lFile file;
        try {
            file = D2lParser.parse(new String(input, StandardCharsets.UTF_8), "fuzz.d2l.yaml");
        } catch (D2lException refused) {
            assertTrue(refused.getMessage().startsWith("fuzz.d2l.yaml:") && refused.line() >= 1 && refused.column() >= 1,
                    "a refusal names the file, line and column: " + refused.getMessage());
            return;
        }
        for (DeviceDescription d : file.devices()) {
            for (Operation op : d.operations()) {
                op.toString();
                try {
                    ArgumentBinder.bind(op, Map.of());
                } catch (IllegalArgumentException expected) {
                    // a required argument has no default, or a buffer is missing
                }
            }
        }
    }
}
