package io.jynq.kernel.display;

import org.dflib.jjava.jupyter.kernel.display.RenderContext;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import tech.tablesaw.api.Table;

/**
 * Tablesaw tables as an HTML table (text/html, at most {@value #MAX_ROWS} rows: the first and last
 * halves with a "…" row between) and as Tablesaw's own text print (text/plain).
 */
public final class TableRenderer {
    static final int MAX_ROWS = 40;

    private TableRenderer() {
    }

    public static void register(Renderer renderer) {
        renderer.createRegistration(Table.class)
                .preferring(MIMEType.TEXT_HTML)
                .supporting(MIMEType.TEXT_PLAIN)
                .register(TableRenderer::render);
    }

    private static void render(Table table, RenderContext ctx) {
        ctx.renderIfRequested(MIMEType.TEXT_HTML, () -> html(table));
        ctx.renderIfRequested(MIMEType.TEXT_PLAIN, () -> table.print());
    }

    static String html(Table t) {
        StringBuilder sb = new StringBuilder("<table class=\"dataframe jynq-table\">\n");
        if (t.name() != null && !t.name().isBlank()) {
            sb.append("<caption>").append(escape(t.name())).append(" (").append(t.rowCount()).append(" rows)</caption>\n");
        }
        sb.append("<thead><tr>");
        for (String name : t.columnNames()) {
            sb.append("<th>").append(escape(name)).append("</th>");
        }
        sb.append("</tr></thead>\n<tbody>\n");
        int rows = t.rowCount();
        int head = rows <= MAX_ROWS ? rows : MAX_ROWS / 2;
        for (int r = 0; r < head; r++) {
            row(sb, t, r);
        }
        if (rows > MAX_ROWS) {
            sb.append("<tr>").append("<td>…</td>".repeat(t.columnCount())).append("</tr>\n");
            for (int r = rows - MAX_ROWS / 2; r < rows; r++) {
                row(sb, t, r);
            }
        }
        return sb.append("</tbody>\n</table>").toString();
    }

    private static void row(StringBuilder sb, Table t, int r) {
        sb.append("<tr>");
        for (int c = 0; c < t.columnCount(); c++) {
            sb.append("<td>").append(escape(t.column(c).getString(r))).append("</td>");
        }
        sb.append("</tr>\n");
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
