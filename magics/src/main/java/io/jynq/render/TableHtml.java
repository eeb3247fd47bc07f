package io.jynq.render;

import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Renders a Tablesaw {@link Table} as an HTML {@code <table>} for notebooks (tablesaw-core has no
 * HTML writer; tablesaw-html would add a dependency for 40 lines). Column names, the table name
 * and every cell are escaped; numbers are right-aligned; long tables show their head and tail
 * with a row saying how many were left out.
 */
public final class TableHtml {
    /** Rows shown before the middle of a long table is elided. */
    public static final int DEFAULT_MAX_ROWS = 60;

    private TableHtml() {
    }

    /** {@code table} with at most {@value #DEFAULT_MAX_ROWS} rows. */
    public static String render(Table table) {
        return render(table, DEFAULT_MAX_ROWS);
    }

    /**
     * @param maxRows rows shown, at least 2; larger tables show the first and last {@code maxRows/2}
     * @throws IllegalArgumentException if {@code maxRows < 2}
     */
    public static String render(Table table, int maxRows) {
        if (maxRows < 2) {
            throw new IllegalArgumentException("maxRows " + maxRows + " must be at least 2");
        }
        StringBuilder b = new StringBuilder("<table class=\"jynq-table\">");
        if (table.name() != null && !table.name().isEmpty()) {
            b.append("<caption>").append(Html.escape(table.name())).append("</caption>");
        }
        b.append("<thead><tr>");
        for (Column<?> c : table.columns()) {
            b.append("<th").append(align(c)).append('>').append(Html.escape(c.name())).append("</th>");
        }
        b.append("</tr></thead><tbody>");
        int rows = table.rowCount();
        int head = rows <= maxRows ? rows : maxRows / 2;
        int tailFrom = rows <= maxRows ? rows : rows - maxRows / 2;
        for (int r = 0; r < head; r++) {
            row(b, table, r);
        }
        if (tailFrom > head) {
            b.append("<tr><td colspan=\"").append(table.columnCount()).append("\">&hellip; ")
                .append(tailFrom - head).append(" more rows &hellip;</td></tr>");
        }
        for (int r = tailFrom; r < rows; r++) {
            row(b, table, r);
        }
        return b.append("</tbody></table>").toString();
    }

    private static void row(StringBuilder b, Table table, int r) {
        b.append("<tr>");
        for (Column<?> c : table.columns()) {
            b.append("<td").append(align(c)).append('>').append(Html.escape(c.getString(r))).append("</td>");
        }
        b.append("</tr>");
    }

    private static String align(Column<?> c) {
        return c instanceof NumericColumn ? " style=\"text-align:right\"" : " style=\"text-align:left\"";
    }
}
