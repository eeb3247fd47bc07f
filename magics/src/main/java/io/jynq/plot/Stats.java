package io.jynq.plot;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Statistics of several series as one Tablesaw table, a row per series:
 * <pre>{@code
 * Table t = Stats.of("input", in).and("output", out).table();
 * // series | count | nan | min | max | mean | std
 * }</pre>
 * Immutable: {@code and} returns a new {@code Stats}.
 */
public final class Stats {
    private final List<SeriesStats> rows;

    private Stats(List<SeriesStats> rows) {
        this.rows = rows;
    }

    /** Statistics of one series; see {@link SeriesStats#of} for the accepted data. */
    public static Stats of(String name, Object data) {
        return new Stats(List.of(SeriesStats.of(name, data)));
    }

    /**
     * Adds a series.
     *
     * @throws IllegalArgumentException if the name is already used or the data type is unsupported
     */
    public Stats and(String name, Object data) {
        if (rows.stream().anyMatch(r -> r.name().equals(name))) {
            throw new IllegalArgumentException("series \"" + name + "\" is already in the statistics");
        }
        List<SeriesStats> next = new ArrayList<>(rows);
        next.add(SeriesStats.of(name, data));
        return new Stats(Collections.unmodifiableList(next));
    }

    /** The rows in the order added. */
    public List<SeriesStats> rows() {
        return rows;
    }

    /** Digits a table shows; {@link #rows()} keep the exact values. */
    static final int SIGNIFICANT_DIGITS = 6;

    /** {@code v} to {@value #SIGNIFICANT_DIGITS} significant digits: 13.9215, not 13.921499999999997. */
    static double significant(double v) {
        if (!Double.isFinite(v) || v == 0) {
            return v;
        }
        return new java.math.BigDecimal(v).round(new java.math.MathContext(SIGNIFICANT_DIGITS)).doubleValue();
    }

    /**
     * A table named "statistics" with columns series, count, nan, min, max, mean, std; values to
     * {@value #SIGNIFICANT_DIGITS} significant digits.
     */
    public Table table() {
        StringColumn name = StringColumn.create("series");
        LongColumn count = LongColumn.create("count");
        LongColumn nan = LongColumn.create("nan");
        DoubleColumn min = DoubleColumn.create("min");
        DoubleColumn max = DoubleColumn.create("max");
        DoubleColumn mean = DoubleColumn.create("mean");
        DoubleColumn std = DoubleColumn.create("std");
        for (SeriesStats r : rows) {
            name.append(r.name());
            count.append(r.count());
            nan.append(r.nanCount());
            min.append(significant(r.min()));
            max.append(significant(r.max()));
            mean.append(significant(r.mean()));
            std.append(significant(r.std()));
        }
        return Table.create("statistics", name, count, nan, min, max, mean, std);
    }

    @Override
    public String toString() {
        return table().print();
    }
}
