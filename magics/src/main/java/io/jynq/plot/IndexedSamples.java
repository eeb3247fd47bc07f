package io.jynq.plot;

import java.util.Objects;

/**
 * A {@link Samples} over an int-indexed source (a Java array, an NIO buffer view): the bounds
 * checks live here once, so a subclass reads a zero-based index already known to be in range.
 * A subclass overrides {@link #bulk} where its source has a cheaper bulk copy than one
 * {@link #at} per element.
 */
abstract class IndexedSamples implements Samples {
    private final String name;
    private final int length;

    /**
     * @param name what {@link #toString()} shows before the length, e.g. {@code "double"}
     * @param length the number of elements, {@code >= 0}
     */
    IndexedSamples(String name, int length) {
        this.name = name;
        this.length = length;
    }

    /** The element at {@code index}, already checked to lie in {@code [0, length)}. */
    abstract double at(int index);

    /** Copies {@code n} elements from {@code from}; both ranges are already checked. */
    void bulk(int from, double[] dst, int off, int n) {
        for (int k = 0; k < n; k++) {
            dst[off + k] = at(from + k);
        }
    }

    @Override public final long length() { return length; }

    @Override public final double get(long index) {
        return at((int) Objects.checkIndex(index, (long) length));
    }

    @Override public final void read(long from, double[] dst, int off, int n) {
        Objects.checkFromIndexSize(from, n, (long) length);
        Objects.checkFromIndexSize(off, n, dst.length);
        bulk((int) from, dst, off, n);
    }

    @Override public String toString() { return name + "[" + length + "]"; }
}
