package io.jynq.plot;

import java.util.Arrays;
import java.util.BitSet;

/**
 * Thins a large scatter series to one point per occupied pixel cell, so the chart marks the
 * same pixels as the full data. The cell grid is {@code widthPx x heightPx} over the data's
 * finite x and y range; the first point met in each cell is kept. Points with a NaN or infinite
 * coordinate are dropped (XChart does not draw them either). Series of at most
 * {@value #THRESHOLD} points are returned unchanged.
 */
public final class PixelThinning {
    /** Below this many points a scatter draws fast enough as it is. */
    public static final int THRESHOLD = 20_000;

    private PixelThinning() {
    }

    /**
     * @param widthPx cells across, at least 1
     * @param heightPx cells down, at least 1
     * @throws IllegalArgumentException if the lengths differ or a size is below 1
     */
    public static XyData thin(Samples x, Samples y, int widthPx, int heightPx) {
        long n = y.length();
        if (x.length() != n) {
            throw new IllegalArgumentException("x has " + x.length() + " samples but y has " + n);
        }
        if (widthPx < 1 || heightPx < 1) {
            throw new IllegalArgumentException("grid " + widthPx + " x " + heightPx + " must be at least 1 x 1");
        }
        if (n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(n + " points are too many for a scatter");
        }
        double[] xs = new double[(int) n];
        double[] ys = new double[(int) n];
        x.read(0, xs, 0, (int) n);
        y.read(0, ys, 0, (int) n);
        if (n <= THRESHOLD) {
            return new XyData(xs, ys, n);
        }
        double[] xr = finiteRange(xs);
        double[] yr = finiteRange(ys);
        BitSet seen = new BitSet(widthPx * heightPx);
        int kept = 0;
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(xs[i]) || !Double.isFinite(ys[i])) {
                continue;
            }
            int cx = MinMaxDecimator.column(xs[i], xr[0], xr[1] - xr[0], widthPx);
            int cy = MinMaxDecimator.column(ys[i], yr[0], yr[1] - yr[0], heightPx);
            int cell = cy * widthPx + cx;
            if (!seen.get(cell)) {
                seen.set(cell);
                xs[kept] = xs[i];
                ys[kept] = ys[i];
                kept++;
            }
        }
        return new XyData(Arrays.copyOf(xs, kept), Arrays.copyOf(ys, kept), n);
    }

    private static double[] finiteRange(double[] v) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double d : v) {
            if (Double.isFinite(d)) {
                lo = Math.min(lo, d);
                hi = Math.max(hi, d);
            }
        }
        return lo <= hi ? new double[] {lo, hi} : new double[] {0, 0};
    }
}
