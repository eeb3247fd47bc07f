package io.jynq.plot;

import java.awt.Color;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;

/**
 * Builds a histogram as a {@link CategoryChart}: one bar per bin at the bin centre, one series
 * per data set, all counted over the same bins so they can be compared:
 * <pre>{@code
 * CategoryChart h = Plot.histChart().bins(50).range(-1, 1).title("ADC codes")
 *     .series("input", in).series("output", out).chart();
 * }</pre>
 * Defaults: 10 bins (numpy's default) over the finite min..max of all series.
 */
public final class HistogramBuilder {
    private ChartLayout layout = ChartLayout.DEFAULT.withLabels("", "count");
    private int bins = 10;
    private double[] range;
    private final Map<String, Samples> series = new LinkedHashMap<>();

    HistogramBuilder() {
    }

    /**
     * @param count number of equal-width bins, 1..10000 (default 10); over the automatic range, the count nearest to it that gives round edges (see roundEdges)
     * @throws IllegalArgumentException if out of range
     */
    public HistogramBuilder bins(int count) {
        HistogramCounts.checkBins(count);
        bins = count;
        return this;
    }

    /**
     * Counts over {@code [lo, hi]} instead of the data's range; values outside are not drawn.
     *
     * @throws IllegalArgumentException if {@code lo >= hi} or either is not finite
     */
    public HistogramBuilder range(double lo, double hi) {
        if (!Double.isFinite(lo) || !Double.isFinite(hi) || lo >= hi) {
            throw new IllegalArgumentException("histogram range [" + lo + ", " + hi + "] must be finite with lo < hi");
        }
        range = new double[] {lo, hi};
        return this;
    }

    public HistogramBuilder title(String title) {
        layout = layout.withTitle(title);
        return this;
    }

    public HistogramBuilder labels(String xLabel, String yLabel) {
        layout = layout.withLabels(xLabel, yLabel);
        return this;
    }

    public HistogramBuilder size(int widthPx, int heightPx) {
        layout = layout.withSize(widthPx, heightPx);
        return this;
    }

    /**
     * Adds a data set; see {@link Samples#from(Object)} for the accepted types.
     *
     * @throws IllegalArgumentException if the name is blank or already used, or the type is unsupported
     */
    public HistogramBuilder series(String name, Object data) {
        XyPlotBuilder.checkName(name, series.keySet());
        series.put(name, Samples.from(data));
        return this;
    }

    /** The counts of every series over the shared bins, in the order added. */
    public Map<String, HistogramCounts> counts() {
        double[] r = range != null ? new double[] {range[0], range[1], bins}
                : roundEdges(HistogramCounts.autoRange(series.values()), bins);
        Map<String, HistogramCounts> out = new LinkedHashMap<>();
        series.forEach((name, s) -> out.put(name, HistogramCounts.of(s, (int) r[2], r[0], r[1])));
        return out;
    }

    /**
     * Counts the data and builds the chart.
     *
     * @throws IllegalStateException if no series was added
     */
    public CategoryChart chart() {
        if (series.isEmpty()) {
            throw new IllegalStateException("no series: add one with series(name, data)");
        }
        Map<String, HistogramCounts> counts = counts();
        CategoryChart chart = new CategoryChartBuilder().width(layout.widthPx()).height(layout.heightPx())
            .title(layout.title()).xAxisTitle(layout.xLabel()).yAxisTitle(layout.yLabel()).build();
        var styler = chart.getStyler();
        styler.setOverlapped(true);
        styler.setAvailableSpaceFill(0.95);
        styler.setXAxisMaxLabelCount(Math.min(bins, 20));
        styler.setXAxisLabelRotation(bins > 10 ? 45 : 0);
        styler.setLegendVisible(series.size() > 1);
        HistogramCounts first = counts.values().iterator().next();
        styler.setXAxisDecimalPattern(decimalPattern(first.binWidth()));
        List<Color> colors = new ArrayList<>();
        for (Color c : styler.getSeriesColors()) {
            // see-through bars, so overlapped series stay visible
            colors.add(new Color(c.getRed(), c.getGreen(), c.getBlue(), series.size() > 1 ? 150 : 255));
        }
        styler.setSeriesColors(colors.toArray(new Color[0]));
        counts.forEach((name, h) -> {
            double[] y = new double[h.counts().length];
            for (int k = 0; k < y.length; k++) {
                y[k] = h.counts()[k];
            }
            chart.addSeries(name, h.centers(), y);
        });
        return chart;
    }

    /**
     * Round bins over {@code [lo, hi]}: a width of 1, 2, 2.5 or 5 times a power of ten, the first
     * edge a multiple of it (edges -1000, -900, ... instead of -900, -780, -721), and the number of
     * bins that width needs, nearest to {@code bins} of the candidates. Only for the automatic
     * range of data wider than one unit per bin; a range the user gives is kept with exactly the
     * bins asked.
     *
     * @return {@code {firstEdge, lastEdge, binCount}}
     */
    static double[] roundEdges(double[] range, int bins) {
        double lo = range[0];
        double hi = range[1];
        double raw = (hi - lo) / bins;
        if (raw <= 1) {
            return new double[] {lo, hi, bins}; // e.g. codes 1..3 in 3 bins: one bar per code, as numpy
        }
        double p = Math.pow(10, Math.floor(Math.log10(raw)));
        double[] best = null;
        for (double scale : new double[] {p / 10, p, p * 10}) {
            for (double m : new double[] {1, 2, 2.5, 5}) {
                double w = m * scale;
                double start = Math.floor(lo / w) * w;
                int n = (int) Math.max(1, Math.ceil((hi - start) / w - 1e-9));
                if (n <= 10_000 && (best == null || Math.abs(n - bins) < Math.abs(best[2] - bins))) {
                    best = new double[] {start, start + n * w, n};
                }
            }
        }
        return best == null ? new double[] {lo, hi, bins} : best;
    }

    /** Enough decimals to tell neighbouring bin centres apart. */
    static String decimalPattern(double binWidth) {
        int decimals = (int) Math.max(0, Math.ceil(-Math.log10(binWidth)) + 1);
        return decimals == 0 ? "#,##0" : "#,##0." + "0".repeat(Math.min(decimals, 10));
    }
}
