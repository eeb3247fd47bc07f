package io.jynq.plot;

import java.util.Objects;

/** {@link Samples} views of Java primitive arrays; each overrides the bulk read with a tight loop. */
final class ArraySamples {
    private ArraySamples() {
    }

    static Samples of(double[] a) {
        Objects.requireNonNull(a, "data");
        return new Samples() {
            @Override public long length() { return a.length; }

            @Override public double get(long i) { return a[(int) check(i, a.length)]; }

            @Override public void read(long from, double[] dst, int off, int n) {
                Objects.checkFromIndexSize(from, n, a.length);
                System.arraycopy(a, (int) from, dst, off, n);
            }

            @Override public String toString() { return "double[" + a.length + "]"; }
        };
    }

    static Samples of(float[] a) {
        Objects.requireNonNull(a, "data");
        return new Samples() {
            @Override public long length() { return a.length; }

            @Override public double get(long i) { return a[(int) check(i, a.length)]; }

            @Override public void read(long from, double[] dst, int off, int n) {
                Objects.checkFromIndexSize(from, n, a.length);
                Objects.checkFromIndexSize(off, n, dst.length);
                for (int k = 0, s = (int) from; k < n; k++) {
                    dst[off + k] = a[s + k];
                }
            }

            @Override public String toString() { return "float[" + a.length + "]"; }
        };
    }

    static Samples of(long[] a) {
        Objects.requireNonNull(a, "data");
        return new Samples() {
            @Override public long length() { return a.length; }

            @Override public double get(long i) { return a[(int) check(i, a.length)]; }

            @Override public void read(long from, double[] dst, int off, int n) {
                Objects.checkFromIndexSize(from, n, a.length);
                Objects.checkFromIndexSize(off, n, dst.length);
                for (int k = 0, s = (int) from; k < n; k++) {
                    dst[off + k] = a[s + k];
                }
            }

            @Override public String toString() { return "long[" + a.length + "]"; }
        };
    }

    static Samples of(int[] a) {
        Objects.requireNonNull(a, "data");
        return new Samples() {
            @Override public long length() { return a.length; }

            @Override public double get(long i) { return a[(int) check(i, a.length)]; }

            @Override public void read(long from, double[] dst, int off, int n) {
                Objects.checkFromIndexSize(from, n, a.length);
                Objects.checkFromIndexSize(off, n, dst.length);
                for (int k = 0, s = (int) from; k < n; k++) {
                    dst[off + k] = a[s + k];
                }
            }

            @Override public String toString() { return "int[" + a.length + "]"; }
        };
    }

    static Samples of(short[] a) {
        Objects.requireNonNull(a, "data");
        return new Samples() {
            @Override public long length() { return a.length; }

            @Override public double get(long i) { return a[(int) check(i, a.length)]; }

            @Override public String toString() { return "short[" + a.length + "]"; }
        };
    }

    static Samples of(byte[] a) {
        Objects.requireNonNull(a, "data");
        return new Samples() {
            @Override public long length() { return a.length; }

            @Override public double get(long i) { return a[(int) check(i, a.length)]; }

            @Override public String toString() { return "byte[" + a.length + "]"; }
        };
    }

    /** Checks a long index against an int length before the narrowing cast. */
    static long check(long index, int length) {
        return Objects.checkIndex(index, (long) length);
    }
}
