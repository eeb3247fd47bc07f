package io.jynq.plot;

/**
 * Summary statistics of one series, NaN samples left out (and counted).
 *
 * @param name the series name
 * @param count samples that are not NaN
 * @param nanCount NaN samples
 * @param min smallest value (NaN when count is 0)
 * @param max largest value (NaN when count is 0)
 * @param mean arithmetic mean (NaN when count is 0)
 * @param std sample standard deviation, divisor {@code count - 1} as in Tablesaw and pandas
 *     (NaN when count is below 2)
 */
public record SeriesStats(String name, long count, long nanCount, double min, double max, double mean, double std) {

    /**
     * Reads {@code data} once (Welford's update, stable for large offsets such as ADC codes).
     *
     * @throws IllegalArgumentException if the data type is unsupported
     */
    public static SeriesStats of(String name, Object data) {
        Samples s = Samples.from(data);
        long count = 0;
        long nan = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        double mean = 0;
        double m2 = 0;
        double[] buf = new double[8192];
        long n = s.length();
        for (long from = 0; from < n; from += buf.length) {
            int c = (int) Math.min(buf.length, n - from);
            s.read(from, buf, 0, c);
            for (int k = 0; k < c; k++) {
                double v = buf[k];
                if (Double.isNaN(v)) {
                    nan++;
                    continue;
                }
                count++;
                min = Math.min(min, v);
                max = Math.max(max, v);
                double delta = v - mean;
                mean += delta / count;
                m2 += delta * (v - mean);
            }
        }
        if (count == 0) {
            return new SeriesStats(name, 0, nan, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        return new SeriesStats(name, count, nan, min, max, mean, count < 2 ? Double.NaN : Math.sqrt(m2 / (count - 1)));
    }
}
