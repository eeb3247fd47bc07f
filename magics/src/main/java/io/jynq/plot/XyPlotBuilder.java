package io.jynq.plot;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Builds a line or scatter {@link XYChart} with one or more named series, e.g. input against
 * output of a FIR filter:
 * <pre>{@code
 * XYChart c = Plot.lineChart().title("FIR loopback").labels("sample", "amplitude").size(1000, 400)
 *     .series("input", in).series("output", out).chart();
 * }</pre>
 * Data is any type {@link Samples#from(Object)} accepts, read when {@link #chart()} is called.
 * Lines longer than twice the width are decimated ({@link MinMaxDecimator}); scatter series
 * longer than that are thinned to one point per occupied pixel ({@link PixelThinning}).
 */
public final class XyPlotBuilder {
    private final boolean scatter;
    private ChartLayout layout = ChartLayout.DEFAULT;
    private final List<Entry> series = new ArrayList<>();

    private record Entry(String name, Samples x, Samples y) {
    }

    XyPlotBuilder(boolean scatter) {
        this.scatter = scatter;
    }

    public XyPlotBuilder title(String title) {
        layout = layout.withTitle(title);
        return this;
    }

    public XyPlotBuilder labels(String xLabel, String yLabel) {
        layout = layout.withLabels(xLabel, yLabel);
        return this;
    }

    /** Size of the rendered chart in pixels; see {@link ChartLayout} for the range. */
    public XyPlotBuilder size(int widthPx, int heightPx) {
        layout = layout.withSize(widthPx, heightPx);
        return this;
    }

    public XyPlotBuilder layout(ChartLayout l) {
        layout = Objects.requireNonNull(l, "layout");
        return this;
    }

    /**
     * Adds a series plotted against its sample index (0, 1, 2...).
     *
     * @throws IllegalArgumentException if the name is blank or already used, or the data type is
     *     not supported
     */
    public XyPlotBuilder series(String name, Object y) {
        return add(name, null, Samples.from(y));
    }

    /**
     * Adds a series of points (x[i], y[i]); use {@link Samples#ramp} for a time axis.
     *
     * @throws IllegalArgumentException as {@link #series(String, Object)}, or if the lengths differ
     */
    public XyPlotBuilder series(String name, Object x, Object y) {
        Samples xs = Samples.from(x);
        Samples ys = Samples.from(y);
        if (xs.length() != ys.length()) {
            throw new IllegalArgumentException("series \"" + name + "\": x has " + xs.length()
                + " samples but y has " + ys.length());
        }
        return add(name, xs, ys);
    }

    private XyPlotBuilder add(String name, Samples x, Samples y) {
        checkName(name, names());
        series.add(new Entry(name, x, y));
        return this;
    }

    private Set<String> names() {
        Set<String> names = new LinkedHashSet<>();
        series.forEach(e -> names.add(e.name()));
        return names;
    }

    static void checkName(String name, Set<String> used) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a series needs a name, got \"" + name + "\"");
        }
        if (used.contains(name)) {
            throw new IllegalArgumentException("series \"" + name + "\" is already in the chart " + used);
        }
    }

    /**
     * Reads the data and builds the chart.
     *
     * @throws IllegalStateException if no series was added
     */
    public XYChart chart() {
        if (series.isEmpty()) {
            throw new IllegalStateException("no series: add one with series(name, data)");
        }
        XYChart chart = newChart(layout, scatter);
        chart.getStyler().setLegendVisible(series.size() > 1); // a lone "y" legend only takes width
        for (Entry e : series) {
            XyData d = points(e.x(), e.y());
            chart.addSeries(e.name(), d.x(), d.y());
        }
        niceXTicks(chart);
        return chart;
    }

    private XyData points(Samples x, Samples y) {
        if (scatter) {
            return PixelThinning.thin(x == null ? Samples.ramp(0, 1, y.length()) : x, y,
                layout.widthPx(), layout.heightPx());
        }
        return x == null ? MinMaxDecimator.decimate(y, layout.widthPx())
            : MinMaxDecimator.decimate(x, y, layout.widthPx());
    }

    /**
     * XChart 3.8.8 puts x ticks on every k-th data value when the x values are equally spaced
     * (sample indices are), and accepts labels 1.1 times their own width apart: "0 38 76 114 152"
     * on 800 px of 1024 samples, which read as one number. A hidden series with one point half
     * a step after the first value makes the values unequally spaced, so XChart takes its
     * nice-number ticks (0, 100, 200, ...) at the spacing hint; the point adds nothing to the
     * axis range or the legend.
     */
    static void niceXTicks(XYChart chart) {
        double min = Double.POSITIVE_INFINITY;
        double step = Double.POSITIVE_INFINITY;
        double y = 0;
        for (var s : chart.getSeriesMap().values()) {
            double[] x = s.getXData();
            if (x.length > 1) {
                min = Math.min(min, x[0]);
                step = Math.min(step, Math.abs(x[1] - x[0]));
                y = s.getYData()[0];
            }
        }
        if (Double.isFinite(min) && step > 0 && Double.isFinite(step)) {
            var hidden = chart.addSeries(" ", new double[] {min + step / 2}, new double[] {y});
            hidden.setShowInLegend(false);
            hidden.setMarker(SeriesMarkers.NONE);
            hidden.setLineStyle(new java.awt.BasicStroke(0f));
        }
    }

    /** Pixels between x ticks for a chart {@code widthPx} wide: about 100, so 4 to 12 ticks. */
    static int xTickSpacingPx(int widthPx) {
        return Math.max(60, Math.min(100, widthPx / 5));
    }

    /** An empty chart with the layout applied: lines without markers, or markers only. */
    static XYChart newChart(ChartLayout layout, boolean scatter) {
        XYChart chart = new XYChartBuilder().width(layout.widthPx()).height(layout.heightPx())
            .title(layout.title()).xAxisTitle(layout.xLabel()).yAxisTitle(layout.yLabel()).build();
        chart.getStyler().setDefaultSeriesRenderStyle(scatter ? XYSeriesRenderStyle.Scatter : XYSeriesRenderStyle.Line);
        chart.getStyler().setMarkerSize(scatter ? 3 : 0);
        // one x label per ~100 px; see niceXTicks for why the hint alone is not enough
        chart.getStyler().setXAxisTickMarkSpacingHint(xTickSpacingPx(layout.widthPx()));
        if (!scatter) {
            chart.getStyler().setSeriesMarkers(new Marker[] {SeriesMarkers.NONE});
        }
        return chart;
    }
}
