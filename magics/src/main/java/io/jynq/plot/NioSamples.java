package io.jynq.plot;

import java.nio.Buffer;
import java.nio.ByteBuffer;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.nio.LongBuffer;
import java.nio.ShortBuffer;
import java.util.Objects;
import java.util.function.LongToDoubleFunction;

/**
 * {@link Samples} views of NIO buffers: elements from the position (captured now) to the limit,
 * read with absolute gets so the buffer's position is never moved.
 */
final class NioSamples {
    private NioSamples() {
    }

    static Samples of(DoubleBuffer b) {
        int p = position(b);
        return view(b, b.remaining(), i -> b.get(p + (int) i));
    }

    static Samples of(FloatBuffer b) {
        int p = position(b);
        return view(b, b.remaining(), i -> b.get(p + (int) i));
    }

    static Samples of(LongBuffer b) {
        int p = position(b);
        return view(b, b.remaining(), i -> b.get(p + (int) i));
    }

    static Samples of(IntBuffer b) {
        int p = position(b);
        return view(b, b.remaining(), i -> b.get(p + (int) i));
    }

    static Samples of(ShortBuffer b) {
        int p = position(b);
        return view(b, b.remaining(), i -> b.get(p + (int) i));
    }

    static Samples of(ByteBuffer b, ElementType type) {
        Objects.requireNonNull(type, "element type");
        int p = position(b);
        int size = type.byteSize();
        if (b.remaining() % size != 0) {
            throw new IllegalArgumentException("ByteBuffer of " + b.remaining()
                + " remaining bytes is not a whole number of " + type + " elements (" + size + " bytes each)");
        }
        LongToDoubleFunction get;
        switch (type) {
            case INT8: get = i -> b.get(p + (int) i); break;
            case UINT8: get = i -> Byte.toUnsignedInt(b.get(p + (int) i)); break;
            case INT16: get = i -> b.getShort(p + 2 * (int) i); break;
            case UINT16: get = i -> Short.toUnsignedInt(b.getShort(p + 2 * (int) i)); break;
            case INT32: get = i -> b.getInt(p + 4 * (int) i); break;
            case UINT32: get = i -> Integer.toUnsignedLong(b.getInt(p + 4 * (int) i)); break;
            case INT64: get = i -> b.getLong(p + 8 * (int) i); break;
            case FLOAT32: get = i -> b.getFloat(p + 4 * (int) i); break;
            case FLOAT64: get = i -> b.getDouble(p + 8 * (int) i); break;
            default: throw new AssertionError(type);
        }
        return view(b, b.remaining() / size, get);
    }

    private static int position(Buffer b) {
        return Objects.requireNonNull(b, "data").position();
    }

    private static Samples view(Buffer b, int length, LongToDoubleFunction get) {
        String name = b.getClass().getSimpleName();
        return new Samples() {
            @Override public long length() { return length; }

            @Override public double get(long index) {
                Objects.checkIndex(index, (long) length);
                return get.applyAsDouble(index);
            }

            @Override public void read(long from, double[] dst, int off, int n) {
                Objects.checkFromIndexSize(from, n, (long) length);
                Objects.checkFromIndexSize(off, n, dst.length);
                for (int k = 0; k < n; k++) {
                    dst[off + k] = get.applyAsDouble(from + k);
                }
            }

            @Override public String toString() { return name + "[" + length + "]"; }
        };
    }
}
