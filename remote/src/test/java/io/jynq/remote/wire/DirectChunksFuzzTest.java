package io.jynq.remote.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.google.protobuf.InvalidProtocolBufferException;
import io.grpc.HasByteBuffer;
import io.grpc.KnownLength;
import io.jynq.remote.proto.ext.BufferChunk;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Jazzer fuzzing of {@link DirectChunks}, the streaming reader of buffer chunks from the wire,
 * against protobuf's own parser: whatever the reader accepts, protobuf must parse to the same
 * buffer id, offset, flush flag and bytes (protobuf may accept more: repeated fields, groups).
 * The first input byte picks how the transport hands the bytes over: through its own buffers in
 * pieces of that many bytes ({@link HasByteBuffer}, as grpc's Netty transport does) or as a plain
 * stream. A normal run replays the seeds under
 * {@code src/test/resources/io/jynq/remote/wire/DirectChunksFuzzTestInputs/fuzzChunk/}.
 */
class DirectChunksFuzzTest {
    private static final int ROOM = 256;

    @FuzzTest(maxDuration = "60s")
    void fuzzChunk(byte[] data) throws IOException {
        if (data.length == 0) {
            return;
        }
        int piece = data[0] & 0xFF;
        byte[] message = Arrays.copyOfRange(data, 1, data.length);
        ByteBuffer dst = ByteBuffer.allocateDirect(ROOM);
        DirectChunks.Fields f;
        try {
            f = DirectChunks.read(new Transport(message, piece), 3, (before, length) -> dst);
        } catch (IOException e) {
            return; // refused with a reason: a malformed chunk or one larger than the room left
        }
        BufferChunk parsed;
        try {
            parsed = BufferChunk.parseFrom(message);
        } catch (InvalidProtocolBufferException e) {
            // protobuf refuses invalid UTF-8 in the id; the reader keeps it as replaced characters
            return;
        }
        assertEquals(parsed.getBufferId(), f.string(1));
        assertEquals(parsed.getOffset(), f.varint(2));
        assertEquals(parsed.getFlush(), f.varint(4) != 0);
        byte[] got = new byte[dst.position()];
        dst.flip().get(got);
        assertArrayEquals(parsed.getData().toByteArray(), got);
        assertEquals(f.dataBytes() < 0 ? 0 : f.dataBytes(), got.length);
    }

    /**
     * A message as grpc's transport hands it over: known length and, when {@code piece > 0}, its
     * bytes exposed as buffers of at most {@code piece} bytes each.
     */
    private static final class Transport extends InputStream implements KnownLength, HasByteBuffer {
        private final ByteArrayInputStream in;
        private final byte[] bytes;
        private final int piece;

        Transport(byte[] bytes, int piece) {
            this.in = new ByteArrayInputStream(bytes);
            this.bytes = bytes;
            this.piece = piece;
        }

        @Override
        public int read() {
            return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) {
            return in.read(b, off, len);
        }

        @Override
        public long skip(long n) {
            return in.skip(n);
        }

        @Override
        public int available() {
            return in.available();
        }

        @Override
        public boolean byteBufferSupported() {
            return piece > 0;
        }

        @Override
        public ByteBuffer getByteBuffer() {
            int at = bytes.length - in.available();
            return at >= bytes.length ? null : ByteBuffer.wrap(bytes, at, Math.min(piece, bytes.length - at)).slice().asReadOnlyBuffer();
        }
    }
}
