package io.jynq.render;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.BitmapEncoder.BitmapFormat;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.internal.chartpart.Chart;

/** Renders an XChart chart to PNG (or SVG) at its own size: what {@link Renderers} put under image/png. */
public final class ChartPng {
    private ChartPng() {
    }

    /**
     * Renders a small chart once, so the first plot of a session does not pay for loading
     * XChart, AWT fonts and the PNG encoder (about 2 s in {@code FirstPlotBenchmark}, against
     * 0.1 s for later plots). The kernel may call it on a background thread at startup.
     *
     * @return the size in bytes of the PNG rendered
     */
    public static int warmUp() {
        XYChart chart = new XYChartBuilder().width(200).height(100).title("warm-up").build();
        chart.addSeries("y", new double[] {0, 1, 2}, new double[] {0, 1, 0});
        return encode(chart).length;
    }

    /**
     * The PNG bytes of {@code chart}, {@code chart.getWidth() x chart.getHeight()} pixels. Works in
     * a headless JVM ({@code -Djava.awt.headless=true}).
     *
     * @throws UncheckedIOException if the encoder fails
     */
    public static byte[] encode(Chart<?, ?> chart) {
        try {
            return BitmapEncoder.getBitmapBytes(chart, BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException("PNG encoding of chart \"" + chart.getTitle() + "\" failed", e);
        }
    }

    /**
     * The chart as an SVG document ({@code display(chart, "image/svg+xml")}).
     *
     * @throws UncheckedIOException if the encoder fails
     */
    public static String svg(Chart<?, ?> chart) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            VectorGraphicsEncoder.saveVectorGraphic(chart, out, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
        } catch (IOException e) {
            throw new UncheckedIOException("SVG encoding of chart \"" + chart.getTitle() + "\" failed", e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
