package io.jynq.magics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jynq.render.DisplaySink;
import io.jynq.render.Displays;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.XYChart;
import tech.tablesaw.api.Table;

class PlotTableMagicTest {
    private final List<Object> shown = new ArrayList<>();
    private DisplaySink previous;
    private JShellContext ctx;

    @BeforeEach
    void sink() {
        previous = Displays.install(new DisplaySink() {
            @Override
            public String display(Object o) {
                shown.add(o);
                return "id" + shown.size();
            }

            @Override
            public void update(String id, Object o) {
                shown.add(o);
            }

            @Override
            public void clearOutput(boolean wait) {
                shown.clear();
            }
        });
        ctx = new JShellContext();
    }

    @AfterEach
    void restore() {
        ctx.close();
        Displays.install(previous);
    }

    @Test
    void plotEvaluatesTheExpressionInTheSessionAndShowsTheChart() {
        ctx.eval("double[] samples = new double[100];");
        ctx.eval("for (int i = 0; i < 100; i++) samples[i] = Math.sin(i / 10.0);");
        assertEquals(null, new PlotMagic().eval(ctx, List.of("samples", "--title", "a sine")));
        XYChart c = (XYChart) shown.get(0);
        assertEquals("a sine", c.getTitle());
        assertTrue(c.getSeriesMap().containsKey("samples"), c.getSeriesMap().keySet().toString());

        new PlotMagic().eval(ctx, List.of("samples", "--kind", "hist", "--bins", "5"));
        assertTrue(shown.get(1) instanceof CategoryChart);
    }

    @Test
    void plotMistakesAreOneLine() {
        MagicUsageException kind = assertThrows(MagicUsageException.class,
                () -> new PlotMagic().eval(ctx, List.of("x", "--kind", "pie")));
        assertEquals("--kind pie is not one of line|scatter|hist: " + PlotMagic.USAGE, kind.getMessage());
        assertThrows(MagicUsageException.class, () -> new PlotMagic().eval(ctx, List.of()));
        assertThrows(MagicUsageException.class, () -> new PlotMagic().eval(ctx, List.of("x", "--bins", "0")));
        MagicUsageException type = assertThrows(MagicUsageException.class,
                () -> PlotMagic.chart("text", "line", "t", "word", 10));
        assertTrue(type.getMessage().startsWith("%plot word: cannot plot java.lang.String"), type.getMessage());
    }

    @Test
    void tableShowsMapsArraysAndTables() {
        ctx.eval("var m = new java.util.LinkedHashMap<String, Integer>();");
        ctx.eval("m.put(\"a\", 1);");
        new TableMagic().eval(ctx, List.of("m"));
        Table t = (Table) shown.get(0);
        assertEquals(List.of("key", "value"), t.columnNames());
        assertEquals("1", t.stringColumn("value").get(0));

        Table arr = TableMagic.table(new int[] {5, 6, 7}, "xs");
        assertEquals(3, arr.rowCount());
        assertEquals(7.0, arr.doubleColumn("value").get(2));
        assertEquals(2, arr.intColumn("index").get(2));
        MagicUsageException bad = assertThrows(MagicUsageException.class, () -> TableMagic.table(new Object(), "o"));
        assertEquals(0, bad.getStackTrace().length);
        assertEquals(2, TableMagic.table(io.jynq.plot.Stats.of("a", new double[] {1, 2}).and("b", new int[] {3}), "s").rowCount());
        Table same = Table.create("t");
        assertTrue(same == TableMagic.table(same, "t"));
        assertEquals(1, TableMagic.table(Map.of("k", "v"), "m").rowCount());
    }
}
