package io.jynq.magics;

import io.jynq.buffer.ContiguousBuffer;
import io.jynq.plot.Stats;
import io.jynq.render.Displays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * {@code %table EXPR}: shows the value of a Java expression as a table: a Tablesaw table as it
 * is, a map as key/value rows, a collection one row per element, an array or contiguous buffer
 * as index/value rows.
 */
public final class TableMagic implements LineMagic {
    static final String USAGE = "%table EXPR";

    @Override
    public String name() {
        return "table";
    }

    @Override
    public String help() {
        return "show a Java expression (Tablesaw table, map, collection, array, buffer) as a table";
    }

    @Override
    public String usage() {
        return USAGE;
    }

    @Override
    public Object eval(MagicContext ctx, List<String> args) {
        MagicArgs a = MagicArgs.parse(args, Set.of(), Set.of(), USAGE);
        if (a.positional().isEmpty()) {
            throw new MagicUsageException("%table needs an expression: " + USAGE + ", e.g. %table ol.ipDict()");
        }
        String expr = String.join(" ", a.positional());
        ctx.evalJava(Displays.class.getName() + ".sink().display(" + TableMagic.class.getName() + ".table((" + expr + "), "
                + PlotMagic.literal(expr) + "));");
        return null;
    }

    /**
     * The table for {@code data}; called by the snippet {@link #eval} submits.
     *
     * @throws MagicUsageException naming the supported types if {@code data}'s is not one
     */
    public static Table table(Object data, String name) {
        if (data instanceof Table) {
            return (Table) data;
        }
        if (data instanceof Stats) {
            return ((Stats) data).table();
        }
        if (data instanceof Map) {
            StringColumn k = StringColumn.create("key");
            StringColumn v = StringColumn.create("value");
            ((Map<?, ?>) data).forEach((key, value) -> {
                k.append(String.valueOf(key));
                v.append(String.valueOf(value));
            });
            return Table.create(name, k, v);
        }
        if (data instanceof Collection) {
            StringColumn v = StringColumn.create("value");
            ((Collection<?>) data).forEach(e -> v.append(String.valueOf(e)));
            return Table.create(name, IntColumn.indexColumn("index", v.size(), 0), v);
        }
        double[] values = numbers(data);
        if (values == null) {
            throw new MagicUsageException("%table cannot show " + (data == null ? "null" : data.getClass().getName())
                    + ": give a Tablesaw Table, Stats, Map, Collection, numeric array or ContiguousBuffer");
        }
        return Table.create(name, IntColumn.indexColumn("index", values.length, 0), DoubleColumn.create("value", values));
    }

    private static double[] numbers(Object d) {
        if (d instanceof ContiguousBuffer) {
            return ((ContiguousBuffer) d).toDoubleArray();
        }
        if (d instanceof double[]) {
            return (double[]) d;
        }
        if (d instanceof int[]) {
            return java.util.Arrays.stream((int[]) d).asDoubleStream().toArray();
        }
        if (d instanceof long[]) {
            return java.util.Arrays.stream((long[]) d).asDoubleStream().toArray();
        }
        if (d instanceof float[]) {
            float[] f = (float[]) d;
            double[] out = new double[f.length];
            for (int i = 0; i < f.length; i++) {
                out[i] = f[i];
            }
            return out;
        }
        return null;
    }
}
