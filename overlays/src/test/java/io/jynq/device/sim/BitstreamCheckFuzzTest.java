package io.jynq.device.sim;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.jynq.device.DeviceException;

/**
 * The simulator's bitstream check reads outside input: whatever the bytes, it either accepts them
 * or throws a {@link DeviceException} naming the file and a byte offset; nothing else escapes.
 * Seeds in {@code BitstreamCheckFuzzTestInputs/anyBytesPassOrFailClearly}; {@code JAZZER_FUZZ=1}
 * runs a real campaign.
 */
class BitstreamCheckFuzzTest {
    @FuzzTest(maxDuration = "30s")
    void anyBytesPassOrFailClearly(byte[] data) {
        String name = data.length > 0 && (data[data.length - 1] & 1) == 1 ? "fuzz.bin" : "fuzz.bit";
        try {
            BitstreamCheck.check(data, name);
        } catch (DeviceException e) {
            assertTrue(e.getMessage().startsWith(name + ": "), e.getMessage());
        }
    }
}
