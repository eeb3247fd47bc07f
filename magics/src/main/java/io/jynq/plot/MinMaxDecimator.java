package io.jynq.plot;

import java.util.Arrays;

/**
 * Reduces a long series to at most two points per pixel column, the minimum and the maximum,
 * so the chart draws the same envelope as the full data at a fraction of the cost (a 10-million
 * sample buffer becomes at most 2,000 points at 1000 px).
 *
 * <p><b>Pixel columns.</b> With {@code W} columns: a series with implicit x (the sample index
 * {@code i} of {@code N}) puts sample {@code i} in column {@code floor(i * W / N)}, so every
 * column holds {@code N/W} samples, give or take one. A series with explicit, non-decreasing x
 * puts sample {@code i} in column {@code floor((x[i] - x[0]) * W / (x[N-1] - x[0]))}, the last
 * sample in column {@code W-1}. Each kept point keeps its original x, so it lands in the same
 * column as the sample it stands for: per column, min and max of the result equal those of the
 * data exactly. XChart's plot area is narrower than the chart (axes, legend), so its pixel
 * columns do not line up with these: there every drawn point is still a real sample at its own
 * x (nothing is drawn outside the data's envelope), and an extreme may appear in the
 * neighbouring pixel column, never further away.
 *
 * <p><b>Order and NaN.</b> The two points of a column appear in sample order, so the line is
 * drawn left to right. NaN is skipped; a column with only NaN keeps one NaN point, so XChart
 * still breaks the line there. A series of at most {@code 2 W} samples is returned unchanged,
 * and so is one whose explicit x is not non-decreasing or holds NaN (a scribble has no envelope).
 */
public final class MinMaxDecimator {
    private static final int CHUNK = 8192;

    private MinMaxDecimator() {
    }

    /**
     * Decimates {@code y} plotted against its sample index.
     *
     * @param columns pixel columns, at least 1 (use the chart width in pixels)
     * @throws IllegalArgumentException if {@code columns < 1}
     */
    public static XyData decimate(Samples y, int columns) {
        checkColumns(columns);
        long n = y.length();
        if (n <= 2L * columns) {
            return raw(null, y);
        }
        Math.multiplyExact(n, (long) columns); // column arithmetic below must not overflow
        Emitter out = new Emitter(columns);
        double[] buf = new double[CHUNK];
        for (int c = 0; c < columns; c++) {
            long start = ceilDiv(c * n, columns);
            long end = ceilDiv((c + 1) * n, columns);
            Bin bin = new Bin();
            for (long from = start; from < end; from += CHUNK) {
                int count = (int) Math.min(CHUNK, end - from);
                y.read(from, buf, 0, count);
                bin.scan(buf, count, from);
            }
            bin.emit(out, start, null);
        }
        return out.result(n);
    }

    /**
     * Decimates {@code y} plotted against {@code x}; see the class documentation for when the
     * data is returned unchanged.
     *
     * @throws IllegalArgumentException if the lengths differ or {@code columns < 1}
     */
    public static XyData decimate(Samples x, Samples y, int columns) {
        checkColumns(columns);
        long n = y.length();
        if (x.length() != n) {
            throw new IllegalArgumentException("x has " + x.length() + " samples but y has " + n);
        }
        if (n <= 2L * columns || n > Integer.MAX_VALUE || !nonDecreasing(x)) {
            return raw(x, y);
        }
        double x0 = x.get(0);
        double span = x.get(n - 1) - x0;
        Emitter out = new Emitter(columns);
        double[] xs = new double[CHUNK];
        double[] ys = new double[CHUNK];
        Bin bin = new Bin();
        int current = -1;
        long binStart = 0;
        for (long from = 0; from < n; from += CHUNK) {
            int count = (int) Math.min(CHUNK, n - from);
            x.read(from, xs, 0, count);
            y.read(from, ys, 0, count);
            for (int k = 0; k < count; k++) {
                int col = column(xs[k], x0, span, columns);
                if (col != current) {
                    if (current >= 0) {
                        bin.emit(out, binStart, x);
                    }
                    bin = new Bin();
                    current = col;
                    binStart = from + k;
                }
                bin.add(from + k, ys[k]);
            }
        }
        bin.emit(out, binStart, x);
        return out.result(n);
    }

    /** The pixel column of value {@code v} on an axis from {@code x0} spanning {@code span}. */
    static int column(double v, double x0, double span, int columns) {
        if (span <= 0) {
            return 0;
        }
        int c = (int) Math.floor((v - x0) * columns / span);
        return Math.min(Math.max(c, 0), columns - 1);
    }

    private static boolean nonDecreasing(Samples x) {
        double prev = Double.NEGATIVE_INFINITY;
        double[] buf = new double[CHUNK];
        long n = x.length();
        for (long from = 0; from < n; from += CHUNK) {
            int count = (int) Math.min(CHUNK, n - from);
            x.read(from, buf, 0, count);
            for (int k = 0; k < count; k++) {
                if (!(buf[k] >= prev) || Double.isInfinite(buf[k])) { // also false for NaN
                    return false;
                }
                prev = buf[k];
            }
        }
        return true;
    }

    private static XyData raw(Samples x, Samples y) {
        long n = y.length();
        if (n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(n + " samples cannot be drawn undecimated");
        }
        double[] ys = new double[(int) n];
        y.read(0, ys, 0, (int) n);
        double[] xs = new double[(int) n];
        if (x == null) {
            Arrays.setAll(xs, i -> i);
        } else {
            x.read(0, xs, 0, (int) n);
        }
        return new XyData(xs, ys, n);
    }

    private static void checkColumns(int columns) {
        if (columns < 1) {
            throw new IllegalArgumentException("pixel columns " + columns + " must be at least 1");
        }
    }

    private static long ceilDiv(long a, long b) {
        return -Math.floorDiv(-a, b);
    }

    /** Min and max of one column, with the sample index where each occurred. */
    private static final class Bin {
        double min = Double.NaN;
        double max = Double.NaN;
        long minAt = -1;
        long maxAt = -1;

        /** {@link #add} over a chunk, kept in locals so the JIT holds them in registers. */
        void scan(double[] buf, int count, long firstIndex) {
            double lo = min;
            double hi = max;
            int loAt = -1;
            int hiAt = -1;
            for (int k = 0; k < count; k++) {
                double v = buf[k];
                if (v < lo || (loAt < 0 && minAt < 0 && v == v)) {
                    lo = v;
                    loAt = k;
                }
                if (v > hi || (hiAt < 0 && maxAt < 0 && v == v)) {
                    hi = v;
                    hiAt = k;
                }
            }
            if (loAt >= 0) {
                min = lo;
                minAt = firstIndex + loAt;
            }
            if (hiAt >= 0) {
                max = hi;
                maxAt = firstIndex + hiAt;
            }
        }

        void add(long index, double v) {
            if (Double.isNaN(v)) {
                return;
            }
            if (minAt < 0 || v < min) {
                min = v;
                minAt = index;
            }
            if (maxAt < 0 || v > max) {
                max = v;
                maxAt = index;
            }
        }

        void emit(Emitter out, long start, Samples x) {
            if (minAt < 0) {
                out.add(xAt(x, start), Double.NaN);
            } else if (minAt == maxAt) {
                out.add(xAt(x, minAt), min);
            } else if (minAt < maxAt) {
                out.add(xAt(x, minAt), min);
                out.add(xAt(x, maxAt), max);
            } else {
                out.add(xAt(x, maxAt), max);
                out.add(xAt(x, minAt), min);
            }
        }

        private static double xAt(Samples x, long index) {
            return x == null ? index : x.get(index);
        }
    }

    /** Growing output arrays, at most two points per column. */
    private static final class Emitter {
        final double[] x;
        final double[] y;
        int size;

        Emitter(int columns) {
            x = new double[2 * columns];
            y = new double[2 * columns];
        }

        void add(double xv, double yv) {
            x[size] = xv;
            y[size] = yv;
            size++;
        }

        XyData result(long sourceLength) {
            return new XyData(Arrays.copyOf(x, size), Arrays.copyOf(y, size), sourceLength);
        }
    }
}
