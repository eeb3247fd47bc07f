package io.jynq.plot;

import java.util.Arrays;
import java.util.function.DoubleToIntFunction;

/**
 * Per-pixel-column min and max of a set of points, computed the plain way (every point), the
 * yardstick the decimated series is compared against. NaN values are left out; a column with no
 * value has NaN for both.
 */
record Envelope(double[] min, double[] max) {

    static Envelope of(double[] x, double[] y, int columns, DoubleToIntFunction columnOfX) {
        double[] min = new double[columns];
        double[] max = new double[columns];
        Arrays.fill(min, Double.NaN);
        Arrays.fill(max, Double.NaN);
        for (int i = 0; i < y.length; i++) {
            if (Double.isNaN(y[i])) {
                continue;
            }
            int c = columnOfX.applyAsInt(x[i]);
            min[c] = Double.isNaN(min[c]) ? y[i] : Math.min(min[c], y[i]);
            max[c] = Double.isNaN(max[c]) ? y[i] : Math.max(max[c], y[i]);
        }
        return new Envelope(min, max);
    }

    /** Columns of an index axis: sample i of n in column floor(i * w / n). */
    static DoubleToIntFunction indexColumns(long n, int w) {
        return x -> (int) ((long) x * w / n);
    }

    /** Columns of a value axis from x0 to x1: floor((x - x0) * w / (x1 - x0)), the end in the last column. */
    static DoubleToIntFunction valueColumns(double x0, double x1, int w) {
        return x -> Math.min(w - 1, (int) Math.floor((x - x0) * w / (x1 - x0)));
    }

    static double[] index(int n) {
        double[] x = new double[n];
        Arrays.setAll(x, i -> i);
        return x;
    }
}
