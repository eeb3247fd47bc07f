package io.jynq.remote.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.grpc.netty.shaded.io.netty.buffer.ByteBuf;
import io.grpc.netty.shaded.io.netty.buffer.PooledByteBufAllocator;
import io.grpc.netty.shaded.io.netty.channel.ChannelHandlerContext;
import io.grpc.netty.shaded.io.netty.channel.embedded.EmbeddedChannel;
import io.grpc.netty.shaded.io.netty.handler.codec.ByteToMessageDecoder;
import java.io.ByteArrayOutputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Jazzer fuzzing of {@link Cumulation#COMPOSING} in Netty's own {@link ByteToMessageDecoder}: a
 * stream of length-prefixed frames (3-byte length, as HTTP/2's frame header starts) arrives in
 * reads of sizes the input chooses, and the decoder slices frames out of the cumulation and keeps
 * the last few alive for a while, as gRPC keeps DATA frames it has not delivered yet (so the
 * cumulation is shared when the next read comes). Checked: every frame comes out byte for byte,
 * and once the frames are released every buffer read from the network is freed (no leak, no
 * buffer freed early, which Netty would report as an IllegalReferenceCountException).
 * Input: byte 0 how many frames stay alive (0-7); then pairs (frame length in 256-byte units,
 * read size in 512-byte units) drive frame sizes and read sizes; the frame bytes are generated.
 * A normal run replays the seeds under
 * {@code src/test/resources/io/jynq/remote/wire/CumulationFuzzTestInputs/fuzzReads/}.
 */
class CumulationFuzzTest {
    @FuzzTest(maxDuration = "60s")
    void fuzzReads(byte[] data) {
        if (data.length < 3) {
            return;
        }
        int keep = data[0] & 7;
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        List<byte[]> frames = new ArrayList<>();
        List<Integer> reads = new ArrayList<>();
        for (int i = 1; i + 1 < data.length; i += 2) {
            byte[] frame = new byte[((data[i] & 0xFF) * 256 + i) % (64 << 10)];
            for (int j = 0; j < frame.length; j++) {
                frame[j] = (byte) (j * 31 + i);
            }
            frames.add(frame);
            stream.write(frame.length >>> 16);
            stream.write(frame.length >>> 8);
            stream.write(frame.length);
            stream.writeBytes(frame);
            reads.add(1 + (data[i + 1] & 0xFF) * 512 + (data[i + 1] & 3));
        }
        byte[] bytes = stream.toByteArray();

        Frames decoder = new Frames(keep);
        decoder.setCumulator(Cumulation.COMPOSING);
        EmbeddedChannel channel = new EmbeddedChannel(decoder);
        channel.config().setAllocator(PooledByteBufAllocator.DEFAULT);
        List<ByteBuf> sent = new ArrayList<>();
        for (int at = 0, r = 0; at < bytes.length; r++) {
            int n = Math.min(reads.get(r % reads.size()), bytes.length - at);
            ByteBuf read = PooledByteBufAllocator.DEFAULT.directBuffer(n).writeBytes(bytes, at, n);
            sent.add(read.retain()); // our own reference, to check the decoder's release
            channel.writeInbound(read);
            at += n;
        }
        decoder.releaseAll();
        channel.finishAndReleaseAll();

        assertEquals(frames.size(), decoder.out.size(), "frames decoded");
        for (int i = 0; i < frames.size(); i++) {
            assertArrayEquals(frames.get(i), decoder.out.get(i), "frame " + i);
        }
        for (ByteBuf b : sent) {
            assertEquals(1, b.refCnt(), "a read buffer still held (or freed twice) by the decoder");
            b.release();
        }
    }

    /** Slices 3-byte-length-prefixed frames, holding the last {@code keep} of them. */
    private static final class Frames extends ByteToMessageDecoder {
        final List<byte[]> out = new ArrayList<>();
        private final ArrayDeque<ByteBuf> held = new ArrayDeque<>();
        private final int keep;

        Frames(int keep) {
            this.keep = keep;
        }

        @Override
        protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> unused) {
            while (in.readableBytes() >= 3) {
                int length = in.getUnsignedMedium(in.readerIndex());
                if (in.readableBytes() < 3 + length) {
                    return;
                }
                in.skipBytes(3);
                ByteBuf frame = in.readRetainedSlice(length);
                byte[] copy = new byte[length];
                frame.getBytes(frame.readerIndex(), copy);
                out.add(copy);
                held.add(frame);
                while (held.size() > keep) {
                    held.poll().release();
                }
            }
        }

        void releaseAll() {
            held.forEach(ByteBuf::release);
            held.clear();
        }
    }
}
