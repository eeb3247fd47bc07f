package io.jynq.plot;

import java.nio.Buffer;
import java.nio.ByteBuffer;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.nio.LongBuffer;
import java.nio.ShortBuffer;
import java.util.Objects;

/**
 * {@link Samples} views of NIO buffers: elements from the position (captured now) to the limit.
 * Reads are absolute, so the caller's position is never moved. Bulk reads copy a chunk with the
 * buffer's own bulk get and widen it: element-by-element gets on a direct buffer were 4x slower
 * in {@code DecimateRenderBenchmark}.
 */
final class NioSamples {
    private NioSamples() {
    }

    static Samples of(DoubleBuffer b) {
        DoubleBuffer v = nonNull(b).slice();
        return new View(b, v.remaining()) {
            @Override double at(int i) { return v.get(i); }

            @Override void bulk(int from, double[] dst, int off, int n) { v.get(from, dst, off, n); }
        };
    }

    static Samples of(FloatBuffer b) {
        return floats(b, nonNull(b).slice());
    }

    static Samples of(LongBuffer b) {
        return longs(b, nonNull(b).slice(), false);
    }

    static Samples of(IntBuffer b) {
        return ints(b, nonNull(b).slice(), false);
    }

    static Samples of(ShortBuffer b) {
        return shorts(b, nonNull(b).slice(), false);
    }

    static Samples of(ByteBuffer b, ElementType type) {
        Objects.requireNonNull(type, "element type");
        int size = type.byteSize();
        if (nonNull(b).remaining() % size != 0) {
            throw new IllegalArgumentException("ByteBuffer of " + b.remaining()
                + " remaining bytes is not a whole number of " + type + " elements (" + size + " bytes each)");
        }
        // slice() and duplicate() reset the byte order to big-endian: set it back before the views
        ByteBuffer s = b.slice().order(b.order());
        switch (type) {
            case INT8: return bytes(b, s, false);
            case UINT8: return bytes(b, s, true);
            case INT16: return shorts(b, s.asShortBuffer(), false);
            case UINT16: return shorts(b, s.asShortBuffer(), true);
            case INT32: return ints(b, s.asIntBuffer(), false);
            case UINT32: return ints(b, s.asIntBuffer(), true);
            case INT64: return longs(b, s.asLongBuffer(), false);
            case UINT64: return longs(b, s.asLongBuffer(), true);
            case FLOAT32: return floats(b, s.asFloatBuffer());
            case FLOAT64: return of(s.asDoubleBuffer());
            default: throw new AssertionError(type);
        }
    }

    private static <B extends Buffer> B nonNull(B b) {
        return Objects.requireNonNull(b, "data");
    }

    private static Samples floats(Buffer owner, FloatBuffer v) {
        return new View(owner, v.remaining()) {
            @Override double at(int i) { return v.get(i); }

            @Override void bulk(int from, double[] dst, int off, int n) {
                float[] tmp = new float[n];
                v.get(from, tmp, 0, n);
                for (int k = 0; k < n; k++) {
                    dst[off + k] = tmp[k];
                }
            }
        };
    }

    private static Samples longs(Buffer owner, LongBuffer v, boolean unsigned) {
        return new View(owner, v.remaining()) {
            @Override double at(int i) { return unsigned ? unsignedToDouble(v.get(i)) : v.get(i); }

            @Override void bulk(int from, double[] dst, int off, int n) {
                long[] tmp = new long[n];
                v.get(from, tmp, 0, n);
                for (int k = 0; k < n; k++) {
                    dst[off + k] = unsigned ? unsignedToDouble(tmp[k]) : tmp[k];
                }
            }
        };
    }

    private static Samples ints(Buffer owner, IntBuffer v, boolean unsigned) {
        return new View(owner, v.remaining()) {
            @Override double at(int i) { return unsigned ? Integer.toUnsignedLong(v.get(i)) : v.get(i); }

            @Override void bulk(int from, double[] dst, int off, int n) {
                int[] tmp = new int[n];
                v.get(from, tmp, 0, n);
                for (int k = 0; k < n; k++) {
                    dst[off + k] = unsigned ? Integer.toUnsignedLong(tmp[k]) : tmp[k];
                }
            }
        };
    }

    private static Samples shorts(Buffer owner, ShortBuffer v, boolean unsigned) {
        return new View(owner, v.remaining()) {
            @Override double at(int i) { return unsigned ? Short.toUnsignedInt(v.get(i)) : v.get(i); }

            @Override void bulk(int from, double[] dst, int off, int n) {
                short[] tmp = new short[n];
                v.get(from, tmp, 0, n);
                for (int k = 0; k < n; k++) {
                    dst[off + k] = unsigned ? Short.toUnsignedInt(tmp[k]) : tmp[k];
                }
            }
        };
    }

    private static Samples bytes(Buffer owner, ByteBuffer v, boolean unsigned) {
        return new View(owner, v.remaining()) {
            @Override double at(int i) { return unsigned ? Byte.toUnsignedInt(v.get(i)) : v.get(i); }

            @Override void bulk(int from, double[] dst, int off, int n) {
                byte[] tmp = new byte[n];
                v.get(from, tmp, 0, n);
                for (int k = 0; k < n; k++) {
                    dst[off + k] = unsigned ? Byte.toUnsignedInt(tmp[k]) : tmp[k];
                }
            }
        };
    }

    /** The value of {@code v} read as an unsigned 64-bit integer, rounded to a double. */
    static double unsignedToDouble(long v) {
        // halve, convert, double: exact up to the rounding any 64-bit value gets as a double
        return v >= 0 ? v : ((v >>> 1) | (v & 1)) * 2.0;
    }

    /** Bounds checks in one place; subclasses read a zero-based view of the buffer. */
    private abstract static class View implements Samples {
        private final String name;
        private final int length;

        View(Buffer owner, int length) {
            this.name = owner.getClass().getSimpleName();
            this.length = length;
        }

        abstract double at(int index);

        abstract void bulk(int from, double[] dst, int off, int n);

        @Override public long length() { return length; }

        @Override public double get(long index) {
            return at((int) Objects.checkIndex(index, (long) length));
        }

        @Override public void read(long from, double[] dst, int off, int n) {
            Objects.checkFromIndexSize(from, n, (long) length);
            Objects.checkFromIndexSize(off, n, dst.length);
            bulk((int) from, dst, off, n);
        }

        @Override public String toString() { return name + "[" + length + "]"; }
    }
}
