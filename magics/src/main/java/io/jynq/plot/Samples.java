package io.jynq.plot;

import java.nio.ByteBuffer;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.nio.LongBuffer;
import java.nio.ShortBuffer;
import java.util.Objects;
import tech.tablesaw.api.NumericColumn;

/**
 * A read-only, indexed sequence of numbers that plots, histograms and statistics read: the one
 * seam between a data source (array, NIO buffer, Tablesaw column, contiguous buffer) and
 * {@link Plot}. Views are live: a plot reads the values when the chart is built, not later.
 *
 * <p>Implement {@link #get(long)}; override {@link #read} when a bulk copy is cheaper than one
 * call per element (it is what the decimator calls, in chunks of a few thousand elements).
 * To plot a new type without touching {@link Plot}, see {@link SamplesAdapter}.
 */
public interface Samples {

    /** The number of elements. */
    long length();

    /**
     * The element at {@code index} as a double (missing values are {@code NaN}).
     *
     * @throws IndexOutOfBoundsException if {@code index < 0 || index >= length()}
     */
    double get(long index);

    /**
     * Copies {@code count} elements starting at element {@code from} into {@code dst[offset..]}.
     *
     * @throws IndexOutOfBoundsException if the range lies outside this sequence or {@code dst}
     */
    default void read(long from, double[] dst, int offset, int count) {
        Objects.checkFromIndexSize(from, count, length());
        Objects.checkFromIndexSize(offset, count, dst.length);
        for (int i = 0; i < count; i++) {
            dst[offset + i] = get(from + i);
        }
    }

    /**
     * Adapts any supported value: the arrays, NIO buffers and columns of the {@code of}
     * factories, a collection or array of {@link Number}s (null reads as NaN), a {@code Samples}
     * itself, or a type a registered {@link SamplesAdapter} handles.
     *
     * @throws IllegalArgumentException if {@code data} is null or of no supported type; the
     *     message lists the supported types
     */
    static Samples from(Object data) {
        return SamplesResolver.resolve(data);
    }

    static Samples of(double[] a) { return ArraySamples.of(a); }

    static Samples of(float[] a) { return ArraySamples.of(a); }

    static Samples of(long[] a) { return ArraySamples.of(a); }

    static Samples of(int[] a) { return ArraySamples.of(a); }

    static Samples of(short[] a) { return ArraySamples.of(a); }

    /** Signed bytes (-128..127); for unsigned data use {@code of(ByteBuffer.wrap(a), UINT8)}. */
    static Samples of(byte[] a) { return ArraySamples.of(a); }

    /** The elements from the buffer's position to its limit, read with absolute gets. */
    static Samples of(DoubleBuffer b) { return NioSamples.of(b); }

    static Samples of(FloatBuffer b) { return NioSamples.of(b); }

    static Samples of(LongBuffer b) { return NioSamples.of(b); }

    static Samples of(IntBuffer b) { return NioSamples.of(b); }

    static Samples of(ShortBuffer b) { return NioSamples.of(b); }

    /**
     * The bytes from the buffer's position to its limit read as elements of {@code type}, in the
     * buffer's {@link ByteBuffer#order() byte order} (PL data is little-endian: set
     * {@code buf.order(ByteOrder.LITTLE_ENDIAN)} first).
     *
     * @throws IllegalArgumentException if the remaining bytes are not a whole number of elements
     */
    static Samples of(ByteBuffer b, ElementType type) { return NioSamples.of(b, type); }

    /** A Tablesaw column; missing values read as {@code NaN}. */
    static Samples of(NumericColumn<?> column) { return new ColumnSamples(column); }

    /** {@code length} evenly spaced values {@code start, start + step, ...}: an x axis in time units. */
    static Samples ramp(double start, double step, long length) {
        if (length < 0) {
            throw new IllegalArgumentException("ramp length " + length + " is negative");
        }
        return new Samples() {
            @Override public long length() { return length; }

            @Override public double get(long index) {
                Objects.checkIndex(index, length);
                return start + step * index;
            }
        };
    }
}
