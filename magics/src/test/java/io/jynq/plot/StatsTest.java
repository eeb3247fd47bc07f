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
        assertEquals(Math.sqrt(32.0 / 7), t.doubleColumn("std").get(0), 1e-12);
        assertEquals(Math.sqrt(2), t.doubleColumn("std").get(1), 1e-12);
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
}
