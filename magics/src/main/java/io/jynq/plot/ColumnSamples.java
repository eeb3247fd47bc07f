package io.jynq.plot;

import java.util.Objects;
import tech.tablesaw.api.NumericColumn;

/** A {@link Samples} view of a Tablesaw numeric column; Tablesaw's missing values read as NaN. */
final class ColumnSamples implements Samples {
    private final NumericColumn<?> column;

    ColumnSamples(NumericColumn<?> column) {
        this.column = Objects.requireNonNull(column, "column");
    }

    @Override
    public long length() {
        return column.size();
    }

    @Override
    public double get(long index) {
        Objects.checkIndex(index, (long) column.size());
        int row = (int) index;
        return column.isMissing(row) ? Double.NaN : column.getDouble(row);
    }

    @Override
    public String toString() {
        return "column " + column.name() + "[" + column.size() + "]";
    }
}
