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
     * @param count number of equal-width bins, 1..10000 (default 10)
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
        double[] r = range != null ? range : HistogramCounts.autoRange(series.values());
        Map<String, HistogramCounts> out = new LinkedHashMap<>();
        series.forEach((name, s) -> out.put(name, HistogramCounts.of(s, bins, r[0], r[1])));
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

    /** Enough decimals to tell neighbouring bin centres apart. */
    static String decimalPattern(double binWidth) {
        int decimals = (int) Math.max(0, Math.ceil(-Math.log10(binWidth)) + 1);
        return decimals == 0 ? "#,##0" : "#,##0." + "0".repeat(Math.min(decimals, 10));
    }
}
