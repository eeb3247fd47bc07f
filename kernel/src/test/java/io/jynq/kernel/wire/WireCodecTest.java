package io.jynq.kernel.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.MessageType;
import org.dflib.jjava.jupyter.messages.request.ExecuteRequest;
import org.junit.jupiter.api.Test;

class WireCodecTest {
    private static List<byte[]> seed(String name) throws IOException {
        try (InputStream in = WireCodecTest.class.getResourceAsStream("WireCodecFuzzTestInputs/decode/" + name)) {
            return WireCodecFuzzTest.split(in.readAllBytes());
        }
    }

    private static WireCodec keyed() {
        return new WireCodec(new SignatureCheck("hmac-sha256", "fuzz-key"), new ReplayGuard(16));
    }

    @Test
    void decodesASignedExecuteRequestWithItsRoutingIdentity() throws IOException {
        Message<?> m = keyed().decode(seed("execute"));
        assertEquals(MessageType.EXECUTE_REQUEST, m.getHeader().getType());
        assertEquals("1+1", ((ExecuteRequest) m.getContent()).getCode());
        assertEquals("client-1", new String(m.getIdentities().get(0)));
    }

    @Test
    void refusesAWrongOrMissingSignature() throws IOException {
        assertEquals("invalid signature", assertThrows(WireException.class, () -> keyed().decode(seed("bad_sig"))).getMessage());
        assertTrue(assertThrows(WireException.class, () -> keyed().decode(seed("unsigned"))).getMessage().contains("unsigned"));
    }

    @Test
    void refusesAReplayedSignature() throws IOException {
        WireCodec codec = keyed();
        codec.decode(seed("execute"));
        WireException e = assertThrows(WireException.class, () -> codec.decode(seed("execute")));
        assertTrue(e.getMessage().contains("replayed"), e.getMessage());
    }

    @Test
    void refusesMalformedFramesWithAWireException() throws IOException {
        WireCodec open = new WireCodec(null, new ReplayGuard(16));
        assertTrue(assertThrows(WireException.class, () -> open.decode(seed("no_delimiter"))).getMessage().contains("delimiter"));
        assertTrue(assertThrows(WireException.class, () -> open.decode(seed("truncated"))).getMessage().contains("got 2 frames"));
        assertTrue(assertThrows(WireException.class, () -> open.decode(seed("array_header"))).getMessage().contains("not a JSON object"));
    }

    @Test
    void anUnknownTypeParsesSoTheLoopCanLogIt() throws IOException {
        assertEquals(MessageType.UNKNOWN, keyed().decode(seed("unknown_type")).getHeader().getType());
    }

    @Test
    void replayHistoryIsBoundedOldestFirst() {
        ReplayGuard g = new ReplayGuard(2);
        assertTrue(g.firstSeen("a".getBytes()));
        assertTrue(g.firstSeen("b".getBytes()));
        assertTrue(!g.firstSeen("a".getBytes()));
        assertTrue(g.firstSeen("c".getBytes()));
        assertEquals(2, g.size());
        assertTrue(g.firstSeen("a".getBytes()), "a was forgotten once the history was full");
    }

    @Test
    void signatureMatchesPythonHmac() {
        // hmac.new(b"k", b"h" + b"p" + b"m" + b"c", hashlib.sha256).hexdigest()
        SignatureCheck s = new SignatureCheck("hmac-sha256", "k");
        String hex = new String(s.expected("h".getBytes(), "p".getBytes(), "m".getBytes(), "c".getBytes()));
        assertEquals(PY_HMAC, hex);
        assertTrue(s.matches(PY_HMAC.getBytes(), "h".getBytes(), "p".getBytes(), "m".getBytes(), "c".getBytes()));
        assertTrue(!s.matches(PY_HMAC.substring(1).getBytes(), "h".getBytes(), "p".getBytes(), "m".getBytes(), "c".getBytes()));
    }

    private static final String PY_HMAC = "9978d49959f5c33d3c45b91900b0caa6f53238066d5bd6e9c478073e376583e1";
}
