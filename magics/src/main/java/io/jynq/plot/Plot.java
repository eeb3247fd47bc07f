package io.jynq.plot;

import java.util.Map;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.XYChart;
import tech.tablesaw.columns.Column;

/**
 * Plots for notebooks: line, scatter and histogram charts (XChart) over Java arrays, NIO
 * buffers, Tablesaw columns and anything a {@link SamplesAdapter} adapts. The kernel renders the
 * returned chart as a PNG; in JShell it prints a one-line summary.
 * <pre>{@code
 * Plot.line(samples);                                        // y against sample index
 * Plot.lineChart().title("FIR").labels("sample", "amplitude").size(1000, 400)
 *     .series("input", in).series("output", out).chart();   // several series
 * Plot.hist(samples, 50);                                    // 50 bins over min..max
 * }</pre>
 * Long lines are decimated to min/max per pixel column ({@link MinMaxDecimator}): the drawn
 * envelope equals the full data's, and 10 million samples render in well under a second.
 */
public final class Plot {
    private Plot() {
    }

    /**
     * A line of {@code y} against its sample index, 800 x 400 px, series named "y" (a Tablesaw
     * column keeps its own name).
     *
     * @throws IllegalArgumentException if the type is unsupported (the message lists the supported ones)
     */
    public static XYChart line(Object y) {
        return lineChart().series(nameOf(y, "y"), y).chart();
    }

    /**
     * A line through the points {@code (x[i], y[i])}.
     *
     * @throws IllegalArgumentException if a type is unsupported or the lengths differ
     */
    public static XYChart line(Object x, Object y) {
        return lineChart().series(nameOf(y, "y"), x, y).chart();
    }

    /** Markers at {@code (i, y[i])}. */
    public static XYChart scatter(Object y) {
        return scatterChart().series(nameOf(y, "y"), y).chart();
    }

    /** Markers at {@code (x[i], y[i])}. */
    public static XYChart scatter(Object x, Object y) {
        return scatterChart().series(nameOf(y, "y"), x, y).chart();
    }

    /** A histogram in 10 bins over the data's finite min..max. */
    public static CategoryChart hist(Object data) {
        return histChart().series(nameOf(data, "count"), data).chart();
    }

    /**
     * A histogram in {@code bins} bins over the data's finite min..max.
     *
     * @throws IllegalArgumentException if {@code bins} is outside 1..10000
     */
    public static CategoryChart hist(Object data, int bins) {
        return histChart().bins(bins).series(nameOf(data, "count"), data).chart();
    }

    /** The counts behind {@link #hist(Object, int)}, for computing with them. */
    public static HistogramCounts histogram(Object data, int bins) {
        Map<String, HistogramCounts> c = histChart().bins(bins).series("data", data).counts();
        return c.get("data");
    }

    /** A Tablesaw column plots under its own name; anything else under {@code fallback}. */
    private static String nameOf(Object data, String fallback) {
        if (data instanceof Column && !((Column<?>) data).name().isBlank()) {
            return ((Column<?>) data).name();
        }
        return fallback;
    }

    /** A line chart with options and several series. */
    public static XyPlotBuilder lineChart() {
        return new XyPlotBuilder(false);
    }

    /** A scatter chart with options and several series. */
    public static XyPlotBuilder scatterChart() {
        return new XyPlotBuilder(true);
    }

    /** A histogram with bins, range, options and several series. */
    public static HistogramBuilder histChart() {
        return new HistogramBuilder();
    }

    /** A chart that redraws in place while a loop appends data; see {@link LivePlot}. */
    public static LivePlotBuilder live() {
        return new LivePlotBuilder();
    }
}
