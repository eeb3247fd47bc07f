package io.jynq.plot;

import java.util.Arrays;

/**
 * Counts of a series in equal-width bins over {@code [lo, hi]}, as numpy.histogram counts them:
 * bin {@code k} holds {@code lo + k*w <= v < lo + (k+1)*w} with {@code w = (hi - lo) / bins}, the
 * last bin also holds {@code v == hi}. Values outside the range are counted in {@code below} and
 * {@code above}, NaN in {@code nan}; none of these appear in a bin.
 *
 * @param lo lower edge of the first bin
 * @param hi upper edge of the last bin
 * @param counts one count per bin
 * @param below values {@code < lo} (including -Infinity)
 * @param above values {@code > hi} (including +Infinity)
 * @param nan NaN values
 */
public record HistogramCounts(double lo, double hi, long[] counts, long below, long above, long nan) {

    /**
     * Counts {@code data} into {@code bins} bins over {@code [lo, hi]}.
     *
     * @throws IllegalArgumentException if {@code bins < 1}, or {@code lo >= hi}, or either is not finite
     */
    public static HistogramCounts of(Samples data, int bins, double lo, double hi) {
        checkBins(bins);
        if (!Double.isFinite(lo) || !Double.isFinite(hi) || lo >= hi) {
            throw new IllegalArgumentException("histogram range [" + lo + ", " + hi
                + "] must be finite with lo < hi");
        }
        long[] counts = new long[bins];
        long below = 0;
        long above = 0;
        long nan = 0;
        double scale = bins / (hi - lo);
        double[] buf = new double[8192];
        long n = data.length();
        for (long from = 0; from < n; from += buf.length) {
            int count = (int) Math.min(buf.length, n - from);
            data.read(from, buf, 0, count);
            for (int k = 0; k < count; k++) {
                double v = buf[k];
                if (Double.isNaN(v)) {
                    nan++;
                } else if (v < lo) {
                    below++;
                } else if (v > hi) {
                    above++;
                } else {
                    counts[Math.min((int) ((v - lo) * scale), bins - 1)]++;
                }
            }
        }
        return new HistogramCounts(lo, hi, counts, below, above, nan);
    }

    /**
     * The range numpy picks by default: the finite min and max of all series, widened by 0.5
     * on each side when they are equal, and {@code [0, 1]} when there is no finite value.
     */
    public static double[] autoRange(Iterable<Samples> series) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        double[] buf = new double[8192];
        for (Samples s : series) {
            long n = s.length();
            for (long from = 0; from < n; from += buf.length) {
                int count = (int) Math.min(buf.length, n - from);
                s.read(from, buf, 0, count);
                for (int k = 0; k < count; k++) {
                    if (Double.isFinite(buf[k])) {
                        lo = Math.min(lo, buf[k]);
                        hi = Math.max(hi, buf[k]);
                    }
                }
            }
        }
        if (lo > hi) {
            return new double[] {0, 1};
        }
        return lo == hi ? new double[] {lo - 0.5, hi + 0.5} : new double[] {lo, hi};
    }

    static void checkBins(int bins) {
        if (bins < 1 || bins > 10_000) {
            throw new IllegalArgumentException("histogram bins " + bins + " is outside 1..10000");
        }
    }

    /** Width of one bin, in the data's unit. */
    public double binWidth() {
        return (hi - lo) / counts.length;
    }

    /** The centre of each bin, the x position of its bar. */
    public double[] centers() {
        double w = binWidth();
        double[] c = new double[counts.length];
        Arrays.setAll(c, k -> lo + (k + 0.5) * w);
        return c;
    }

    /** The sum of all bins (excludes below, above and NaN). */
    public long total() {
        return Arrays.stream(counts).sum();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HistogramCounts h && lo == h.lo && hi == h.hi && Arrays.equals(counts, h.counts)
            && below == h.below && above == h.above && nan == h.nan;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(counts) * 31 + Double.hashCode(lo) + Double.hashCode(hi);
    }

    @Override
    public String toString() {
        return "HistogramCounts[" + counts.length + " bins over [" + lo + ", " + hi + "], " + total()
            + " in range, " + below + " below, " + above + " above, " + nan + " NaN]";
    }
}
