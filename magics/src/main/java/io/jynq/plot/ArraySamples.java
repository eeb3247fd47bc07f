package io.jynq.plot;

import java.util.Objects;

/**
 * {@link Samples} views of Java primitive arrays. The bounds checks are {@link IndexedSamples}';
 * {@code double[]} reads in bulk with {@code System.arraycopy}, the others widen one element at
 * a time.
 */
final class ArraySamples {
    private ArraySamples() {
    }

    static Samples of(double[] a) {
        return new IndexedSamples("double", nonNull(a).length) {
            @Override double at(int i) { return a[i]; }

            @Override void bulk(int from, double[] dst, int off, int n) {
                System.arraycopy(a, from, dst, off, n);
            }
        };
    }

    static Samples of(float[] a) {
        return new IndexedSamples("float", nonNull(a).length) {
            @Override double at(int i) { return a[i]; }
        };
    }

    static Samples of(long[] a) {
        return new IndexedSamples("long", nonNull(a).length) {
            @Override double at(int i) { return a[i]; }
        };
    }

    static Samples of(int[] a) {
        return new IndexedSamples("int", nonNull(a).length) {
            @Override double at(int i) { return a[i]; }
        };
    }

    static Samples of(short[] a) {
        return new IndexedSamples("short", nonNull(a).length) {
            @Override double at(int i) { return a[i]; }
        };
    }

    static Samples of(byte[] a) {
        return new IndexedSamples("byte", nonNull(a).length) {
            @Override double at(int i) { return a[i]; }
        };
    }

    private static <T> T nonNull(T array) {
        return Objects.requireNonNull(array, "data");
    }
}
