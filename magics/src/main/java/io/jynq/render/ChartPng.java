package io.jynq.render;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.BitmapEncoder.BitmapFormat;
import org.knowm.xchart.internal.chartpart.Chart;

/** Renders an XChart chart to PNG at its own size: what the kernel puts under image/png. */
public final class ChartPng {
    private ChartPng() {
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
}
