package io.jynq.kernel.wire;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.dflib.jjava.jupyter.messages.Message;

/**
 * Fuzzes {@link WireCodec#decode}: whatever frames arrive, it returns a message or throws
 * {@link WireException}, never anything else (the channel loop's survival depends on it).
 * Input: frames separated by byte 0x1F. Each input is decoded by an unauthenticated codec
 * (reaches the JSON parsing) and by one keyed with {@code fuzz-key} (the seeds are signed with
 * it, so the signature and replay paths run too). Seeds: {@code WireCodecFuzzTestInputs/decode}.
 */
class WireCodecFuzzTest {
    private static final WireCodec OPEN = new WireCodec(null, new ReplayGuard(64));
    private static final WireCodec KEYED = new WireCodec(new SignatureCheck("hmac-sha256", "fuzz-key"), new ReplayGuard(64));

    @FuzzTest(maxDuration = "2m")
    void decode(byte[] input) {
        List<byte[]> frames = split(input);
        check(OPEN, frames);
        check(KEYED, frames);
    }

    private static void check(WireCodec codec, List<byte[]> frames) {
        try {
            Message<?> m = codec.decode(frames);
            if (m.getHeader() == null || m.getHeader().getType() == null || m.getContent() == null) {
                throw new AssertionError("decode returned an incomplete message");
            }
        } catch (WireException expected) {
            // refused: the contract
        }
    }

    static List<byte[]> split(byte[] input) {
        List<byte[]> frames = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= input.length; i++) {
            if (i == input.length || input[i] == 0x1F) {
                frames.add(Arrays.copyOfRange(input, start, i));
                start = i + 1;
            }
        }
        return frames;
    }
}
