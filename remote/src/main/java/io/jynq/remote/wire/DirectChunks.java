package io.jynq.remote.wire;

import io.grpc.HasByteBuffer;
import io.grpc.KnownLength;
import io.grpc.MethodDescriptor;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Reads one message that carries buffer bytes (PYNQ's {@code BufferReadResponse}, JYNQ's
 * {@code BufferChunk}) straight from the transport into its destination, a contiguous buffer: one
 * copy from the received network buffers into the buffer, where parsing into a message and then
 * copying its {@code bytes} out costs an array per message (allocated, zeroed, filled) and a second
 * copy. A streaming reader of the protobuf wire format (proto3 encoding spec: tag = field << 3 |
 * wire type; varint, 64-bit, length-delimited and 32-bit wire types); the other fields are kept
 * when they are scalars or short strings with field numbers below {@link Fields#MAX_FIELD}, and
 * skipped otherwise.
 *
 * <p>Protobuf writers put fields in field-number order, so the fields that say where the bytes go
 * ({@code buffer_id = 1}, {@code offset = 2} in {@code BufferChunk}) come before {@code data = 3};
 * the caller's {@link Target} sees what arrived before the bytes.
 */
public final class DirectChunks {
    /** Longest string field kept (buffer ids, messages); a longer one is refused. */
    static final int MAX_STRING_BYTES = 4096;
    private static final int SCRATCH_BYTES = 64 << 10;

    private DirectChunks() {}

    /** The fields of one message other than its bytes, by field number. */
    public static final class Fields {
        /** Field numbers from 1 below this are kept. */
        public static final int MAX_FIELD = 8;
        private final long[] varints = new long[MAX_FIELD];
        private final String[] strings = new String[MAX_FIELD];
        private int dataBytes = -1;

        /** The varint field {@code number}, 0 when absent (proto3's default). */
        public long varint(int number) {
            return varints[number];
        }

        /** The string field {@code number}, "" when absent. */
        public String string(int number) {
            return strings[number] == null ? "" : strings[number];
        }

        /** Bytes of the data field copied, or -1 when the message had none. */
        public int dataBytes() {
            return dataBytes;
        }
    }

    /** Where a message's bytes go. */
    @FunctionalInterface
    public interface Target {
        /**
         * The buffer to copy {@code length} bytes into at its position (advanced by them), given
         * the fields read before the bytes.
         *
         * @throws RuntimeException to refuse the bytes (no room, unknown buffer): reading stops
         */
        ByteBuffer bufferFor(Fields before, int length);
    }

    /**
     * Reads a whole message from {@code in}, copying field {@code dataField} (length-delimited)
     * into {@code target}'s buffer and keeping the other fields.
     *
     * @throws IOException when the message is malformed: truncated, a bad varint or wire type,
     *     field 0, a string over {@value #MAX_STRING_BYTES} bytes, a length past the message's end,
     *     or the data field twice; or when {@code in} fails
     */
    public static Fields read(InputStream in, int dataField, Target target) throws IOException {
        Fields f = new Fields();
        int tag;
        while ((tag = readTag(in)) != 0) {
            int number = tag >>> 3;
            int wireType = tag & 7;
            if (number == 0) {
                throw new IOException("field number 0");
            }
            switch (wireType) {
                case 0 -> {
                    long v = readVarint(in);
                    if (number < Fields.MAX_FIELD) {
                        f.varints[number] = v;
                    }
                }
                case 1 -> skipFully(in, 8);
                case 5 -> skipFully(in, 4);
                case 2 -> {
                    int length = readLength(in);
                    if (number == dataField) {
                        if (f.dataBytes >= 0) {
                            throw new IOException("data field " + dataField + " twice in one message");
                        }
                        copy(in, length, target.bufferFor(f, length));
                        f.dataBytes = length;
                    } else if (number < Fields.MAX_FIELD) {
                        if (length > MAX_STRING_BYTES) {
                            throw new IOException("string field " + number + " of " + length + " bytes (at most " + MAX_STRING_BYTES + ")");
                        }
                        byte[] b = in.readNBytes(length);
                        if (b.length < length) {
                            throw new IOException("message ends inside field " + number);
                        }
                        f.strings[number] = new String(b, StandardCharsets.UTF_8);
                    } else {
                        skipFully(in, length);
                    }
                }
                default -> throw new IOException("wire type " + wireType + " of field " + number + " (groups are not used here)");
            }
        }
        return f;
    }

    /**
     * A client-side response marshaller for one call: each message's field {@code dataField} goes
     * into {@code dst} at its position, message after message. The parsed value is the message's
     * other fields. A malformed message, or bytes past {@code dst}'s limit, fail the call (grpc
     * cancels it with the {@link IOException} as cause).
     */
    public static MethodDescriptor.Marshaller<Fields> into(ByteBuffer dst, int dataField) {
        return new MethodDescriptor.Marshaller<>() {
            @Override
            public InputStream stream(Fields value) {
                throw new UnsupportedOperationException("a response marshaller for reading only");
            }

            @Override
            public Fields parse(InputStream in) {
                try {
                    return read(in, dataField, (before, length) -> dst);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
    }

    /** The next tag, or 0 at the end of the message. */
    private static int readTag(InputStream in) throws IOException {
        int b = in.read();
        if (b < 0) {
            return 0;
        }
        long tag = b < 0x80 ? b : (b & 0x7F) | (readVarint(in) << 7);
        if (tag == 0 || tag > 0xFFFF_FFFFL) {
            throw new IOException("bad tag " + tag);
        }
        return (int) tag;
    }

    private static long readVarint(InputStream in) throws IOException {
        long v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("message ends inside a varint");
            }
            v |= (long) (b & 0x7F) << shift;
            if (b < 0x80) {
                return v;
            }
        }
        throw new IOException("varint longer than 10 bytes");
    }

    private static int readLength(InputStream in) throws IOException {
        long length = readVarint(in);
        long left = in instanceof KnownLength ? in.available() : Integer.MAX_VALUE;
        if (length < 0 || length > left) {
            throw new IOException("length " + length + " runs past the message's end (" + left + " bytes left)");
        }
        return (int) length;
    }

    private static void skipFully(InputStream in, long n) throws IOException {
        while (n > 0) {
            long s = in.skip(n);
            if (s <= 0) {
                if (in.read() < 0) {
                    throw new IOException("message ends " + n + " bytes early");
                }
                s = 1;
            }
            n -= s;
        }
    }

    /**
     * {@code length} bytes into {@code dst}: from the transport's own buffers when it exposes them
     * (grpc's {@link HasByteBuffer}, direct Netty buffers: memory to memory), else through a small
     * scratch array.
     */
    private static void copy(InputStream in, int length, ByteBuffer dst) throws IOException {
        if (dst.remaining() < length) {
            throw new IOException(length + " bytes do not fit in the " + dst.remaining() + " left");
        }
        int left = length;
        if (in instanceof HasByteBuffer h && h.byteBufferSupported()) {
            while (left > 0) {
                ByteBuffer src = h.getByteBuffer();
                if (src == null || !src.hasRemaining()) {
                    break;
                }
                int n = Math.min(left, src.remaining());
                src.limit(src.position() + n);
                dst.put(src);
                skipFully(in, n);
                left -= n;
            }
        }
        if (left > 0) {
            byte[] scratch = new byte[Math.min(left, SCRATCH_BYTES)];
            while (left > 0) {
                int n = in.read(scratch, 0, Math.min(left, scratch.length));
                if (n < 0) {
                    throw new IOException("message ends " + left + " bytes into its data early");
                }
                dst.put(scratch, 0, n);
                left -= n;
            }
        }
    }
}
