package io.jynq.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jynq.render.ConsoleSink;
import io.jynq.render.TableHtml;
import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class StatsTest {

    @Test
    void oneRowPerSeriesWithCountMinMaxMeanAndSampleStd() {
        Table t = Stats.of("input", new double[] {2, 4, 4, 4, 5, 5, 7, 9}).and("output", new int[] {1, 3}).table();
        assertEquals(List.of("series", "count", "nan", "min", "max", "mean", "std"), t.columnNames());
        assertEquals(2, t.rowCount());
        assertEquals("input", t.stringColumn("series").get(0));
        assertEquals(8L, t.longColumn("count").get(0));
        assertEquals(2.0, t.doubleColumn("min").get(0));
        assertEquals(9.0, t.doubleColumn("max").get(0));
        assertEquals(5.0, t.doubleColumn("mean").get(0));
        assertEquals(Math.sqrt(32.0 / 7), t.doubleColumn("std").get(0), 1e-5); // 6 significant digits
        assertEquals(Math.sqrt(2), t.doubleColumn("std").get(1), 1e-5);
    }

    @Test
    void matchesTablesawOwnSummaryOnAColumn() {
        var col = tech.tablesaw.api.DoubleColumn.create("v", 1e9 + 1, 1e9 + 2, 1e9 + 3, 1e9 + 10);
        SeriesStats s = SeriesStats.of("v", col);
        assertEquals(col.standardDeviation(), s.std(), 1e-6);
        assertEquals(col.mean(), s.mean(), 1e-6);
    }

    @Test
    void nanIsCountedApartAndEmptySeriesGiveNaN() {
        SeriesStats s = SeriesStats.of("x", new double[] {1, Double.NaN, 3});
        assertEquals(2, s.count());
        assertEquals(1, s.nanCount());
        assertEquals(2.0, s.mean());
        SeriesStats empty = SeriesStats.of("e", new double[0]);
        assertTrue(Double.isNaN(empty.mean()) && Double.isNaN(empty.std()));
    }

    @Test
    void duplicateNameIsRefused() {
        var e = assertThrows(IllegalArgumentException.class, () -> Stats.of("a", new int[1]).and("a", new int[1]));
        assertEquals("series \"a\" is already in the statistics", e.getMessage());
    }

    @Test
    void theTableRendersAsHtmlAndText() {
        Table t = Stats.of("in", new int[] {1, 2}).table();
        assertTrue(TableHtml.render(t).contains("<th style=\"text-align:right\">mean</th>"), TableHtml.render(t));
        assertTrue(ConsoleSink.text(t).contains("statistics"));
        assertEquals("XYChart \"\" 800x400 px: y (2 points)", ConsoleSink.text(Plot.line(new int[] {1, 2})));
    }

    /** A person reads 13.9215, not 13.921499999999997 (the rows keep the exact mean). */
    @org.junit.jupiter.api.Test
    void theTableShowsSignificantDigits() {
        double[] v = {13.9215 - 0.1, 13.9215 + 0.1, 13.921499999999997};
        Stats s = Stats.of("x", v);
        String printed = s.table().print();
        org.junit.jupiter.api.Assertions.assertTrue(printed.contains("13.9215"), printed);
        org.junit.jupiter.api.Assertions.assertFalse(printed.contains("13.92149999"), printed);
        org.junit.jupiter.api.Assertions.assertEquals(123457.0, Stats.significant(123456.789));
        org.junit.jupiter.api.Assertions.assertEquals(0.000123457, Stats.significant(0.000123456789), 1e-15);
    }

    /** Bins over the automatic range start and end on round edges, as many as asked. */
    @org.junit.jupiter.api.Test
    void histogramBinsHaveRoundEdges() {
        // 30 bins asked over [-900.3, 2700.9]: 120.04 wide; the nearest round width is 100, 38 bins
        double[] r = HistogramBuilder.roundEdges(new double[] {-900.3, 2700.9}, 30);
        org.junit.jupiter.api.Assertions.assertArrayEquals(new double[] {-1000, 2800, 38}, r, 1e-9);
        var counts = Plot.histChart().bins(30).series("x", new double[] {-900.3, 0, 2700.9}).counts().get("x");
        org.junit.jupiter.api.Assertions.assertEquals(-1000, counts.lo(), 1e-9);
        org.junit.jupiter.api.Assertions.assertEquals(100, counts.binWidth(), 1e-9);
        org.junit.jupiter.api.Assertions.assertEquals(3, counts.total());
        for (double c : counts.centers()) {
            org.junit.jupiter.api.Assertions.assertEquals(0, Math.abs(c - 50) % 100, 1e-9, "centre " + c);
        }
        // a range the user gives is kept as it is
        var given = Plot.histChart().bins(30).range(-900, 2700).series("x", new double[] {0}).counts().get("x");
        org.junit.jupiter.api.Assertions.assertEquals(-900, given.lo());
        org.junit.jupiter.api.Assertions.assertEquals(30, given.counts().length);
    }
}
