package io.jynq.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;

class PlotTest {

    static List<String> shown(XYChart c) {
        List<String> names = new ArrayList<>();
        c.getSeriesMap().forEach((name, s) -> {
            if (s.isShowInLegend()) {
                names.add(name);
            }
        });
        return names;
    }

    @Test
    void lineOfAnArrayIsOneSeriesAgainstTheSampleIndex() {
        XYChart c = Plot.line(new int[] {5, 6, 7});
        assertEquals(List.of("y"), shown(c)); // beside XChart's hidden tick helper (XyPlotBuilder.niceXTicks)
        XYSeries s = c.getSeriesMap().get("y");
        assertArrayEquals(new double[] {0, 1, 2}, s.getXData());
        assertArrayEquals(new double[] {5, 6, 7}, s.getYData());
        assertEquals(XYSeriesRenderStyle.Line, c.getStyler().getDefaultSeriesRenderStyle());
        assertFalse(c.getStyler().isLegendVisible(), "no legend for a single series");
    }

    @Test
    void inputAgainstOutputWithTitleLabelsAndSize() {
        double[] in = new double[3000];
        float[] out = new float[1000];
        XYChart c = Plot.lineChart().title("FIR loopback").labels("sample", "amplitude").size(1000, 300)
            .series("input", in).series("output", out).chart();
        assertEquals(List.of("input", "output"), shown(c));
        assertEquals("FIR loopback", c.getTitle());
        assertEquals("sample", c.getXAxisTitle());
        assertEquals("amplitude", c.getYAxisTitle());
        assertEquals(1000, c.getWidth());
        assertEquals(300, c.getHeight());
        assertEquals(1000, c.getSeriesMap().get("output").getYData().length, "short series drawn as is");
        assertTrue(c.getStyler().isLegendVisible());
    }

    @Test
    void tenMillionSamplesAreDecimatedToTheChartWidth() {
        Random r = new Random(11);
        double[] y = new double[10_000_000];
        for (int i = 0; i < y.length; i++) {
            y[i] = Math.sin(i / 1e5) + 0.01 * r.nextGaussian();
        }
        y[1_234_567] = 50; // a single-sample glitch must survive
        XYChart c = Plot.lineChart().size(1000, 400).series("adc", y).chart();
        XYSeries s = c.getSeriesMap().get("adc");
        assertTrue(s.getYData().length <= 2000, s.getYData().length + " points");
        Envelope full = Envelope.of(Envelope.index(y.length), y, 1000, Envelope.indexColumns(y.length, 1000));
        Envelope drawn = Envelope.of(s.getXData(), s.getYData(), 1000, Envelope.indexColumns(y.length, 1000));
        assertArrayEquals(full.min(), drawn.min());
        assertArrayEquals(full.max(), drawn.max());
        assertEquals(50.0, drawn.max()[123]);
    }

    @Test
    void lineWithExplicitX() {
        XYChart c = Plot.line(new double[] {0, 0.5, 1}, new long[] {3, 2, 1});
        assertArrayEquals(new double[] {0, 0.5, 1}, c.getSeriesMap().get("y").getXData());
    }

    @Test
    void scatterDrawsMarkersAndThinsToOccupiedPixels() {
        Random r = new Random(2);
        int n = 200_000;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = r.nextGaussian();
            y[i] = x[i] * 0.5 + r.nextGaussian() * 0.1;
        }
        XYChart c = Plot.scatterChart().size(400, 300).series("iq", x, y).chart();
        assertEquals(XYSeriesRenderStyle.Scatter, c.getStyler().getDefaultSeriesRenderStyle());
        XYSeries s = c.getSeriesMap().get("iq");
        assertTrue(s.getXData().length < n / 4, s.getXData().length + " points");
        assertEquals(cells(x, y, 400, 300), cells(s.getXData(), s.getYData(), 400, 300), "same pixels marked");
    }

    @Test
    void mistakesAreNamedAndLeaveTheBuilderUsable() {
        XyPlotBuilder b = Plot.lineChart().series("a", new double[] {1});
        var dup = assertThrows(IllegalArgumentException.class, () -> b.series("a", new double[] {2}));
        assertEquals("series \"a\" is already in the chart [a]", dup.getMessage());
        var len = assertThrows(IllegalArgumentException.class, () -> b.series("b", new double[2], new double[3]));
        assertEquals("series \"b\": x has 2 samples but y has 3", len.getMessage());
        assertEquals(1, b.chart().getSeriesMap().size());
        assertThrows(IllegalStateException.class, () -> Plot.lineChart().chart());
        assertThrows(IllegalArgumentException.class, () -> Plot.lineChart().size(10, 400));
    }

    private static Set<Integer> cells(double[] x, double[] y, int w, int h) {
        double[] xr = range(x);
        double[] yr = range(y);
        Set<Integer> cells = new HashSet<>();
        for (int i = 0; i < x.length; i++) {
            int cx = Math.min(w - 1, (int) Math.floor((x[i] - xr[0]) * w / (xr[1] - xr[0])));
            int cy = Math.min(h - 1, (int) Math.floor((y[i] - yr[0]) * h / (yr[1] - yr[0])));
            cells.add(cy * w + cx);
        }
        return cells;
    }

    private static double[] range(double[] v) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double d : v) {
            lo = Math.min(lo, d);
            hi = Math.max(hi, d);
        }
        return new double[] {lo, hi};
    }
}
