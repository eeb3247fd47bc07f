package io.jynq.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategorySeries;
import tech.tablesaw.api.DoubleColumn;

class HistogramTest {

    @Test
    void countsMatchABinByBinCount() {
        Random r = new Random(9);
        double[] v = new double[100_000];
        for (int i = 0; i < v.length; i++) {
            v[i] = r.nextGaussian();
        }
        HistogramCounts h = HistogramCounts.of(Samples.of(v), 40, -2, 2);
        long[] expected = new long[40];
        long outside = 0;
        for (double d : v) {
            boolean in = false;
            for (int k = 0; k < 40; k++) {
                double lo = -2 + k * 0.1;
                double hi = -2 + (k + 1) * 0.1;
                if (d >= lo && (d < hi || (k == 39 && d <= 2))) {
                    expected[k]++;
                    in = true;
                    break;
                }
            }
            outside += in ? 0 : 1;
        }
        assertArrayEquals(expected, h.counts());
        assertEquals(outside, h.below() + h.above());
    }

    @Test
    void edgesNaNAndOutOfRangeAreCountedLikeNumpy() {
        double[] v = {0, 1, 2, 2, 3, 4, 4, Double.NaN, -1, 5, Double.POSITIVE_INFINITY};
        HistogramCounts h = HistogramCounts.of(Samples.of(v), 4, 0, 4);
        // numpy.histogram([0,1,2,2,3,4,4], bins=4, range=(0,4)) -> [1, 1, 2, 3]
        assertArrayEquals(new long[] {1, 1, 2, 3}, h.counts());
        assertEquals(1, h.nan());
        assertEquals(1, h.below());
        assertEquals(2, h.above());
        assertArrayEquals(new double[] {0.5, 1.5, 2.5, 3.5}, h.centers());
    }

    @Test
    void defaultRangeIsTheFiniteMinMaxOfAllSeries() {
        assertArrayEquals(new double[] {-3, 7}, HistogramCounts.autoRange(
            List.of(Samples.of(new double[] {1, -3, Double.NaN}), Samples.of(new int[] {7, 2}))));
        assertArrayEquals(new double[] {4.5, 5.5}, HistogramCounts.autoRange(List.of(Samples.of(new int[] {5, 5}))));
    }

    @Test
    void histOfATablesawColumnIsACategoryChartWithOneBarPerBin() {
        DoubleColumn col = DoubleColumn.create("code", 1, 2, 2, 3, 3, 3);
        CategoryChart c = Plot.hist(col, 3);
        CategorySeries s = c.getSeriesMap().get("code");
        List<Double> y = new ArrayList<>();
        s.getYData().forEach(n -> y.add(n.doubleValue()));
        assertEquals(List.of(1.0, 2.0, 3.0), y);
        assertEquals(3, s.getXData().size());
    }

    @Test
    void severalSeriesShareTheBins() {
        CategoryChart c = Plot.histChart().bins(5).range(0, 10).title("codes")
            .series("input", new int[] {1, 9}).series("output", new int[] {5}).chart();
        assertEquals(List.of("input", "output"), new ArrayList<>(c.getSeriesMap().keySet()));
        assertEquals(c.getSeriesMap().get("input").getXData(), c.getSeriesMap().get("output").getXData());
        assertEquals("codes", c.getTitle());
    }

    @Test
    void badBinsAndRangeAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> Plot.histChart().bins(0));
        var e = assertThrows(IllegalArgumentException.class, () -> Plot.histChart().range(1, 1));
        assertEquals("histogram range [1.0, 1.0] must be finite with lo < hi", e.getMessage());
    }
}
