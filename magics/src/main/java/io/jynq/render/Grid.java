package io.jynq.render;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A small table of strings shown as HTML (text left-aligned: Jupyter's stylesheet right-aligns
 * every cell, which wraps words such as "read-write") and as aligned text columns. For the object
 * model's dictionaries ({@code ipDict()}, {@code interruptPins()}, ...), not for data: data tables
 * are Tablesaw's ({@link TableHtml}).
 */
public final class Grid {
    private final String caption;
    private final List<String> headers;
    private final List<String[]> rows = new ArrayList<>();

    /** @param caption shown above the table; null or empty for none */
    public Grid(String caption, String... headers) {
        this.caption = caption;
        this.headers = List.of(headers);
    }

    /**
     * Adds a row; null cells show empty.
     *
     * @throws IllegalArgumentException if the row has another number of cells than headers
     */
    public Grid row(Object... cells) {
        if (cells.length != headers.size()) {
            throw new IllegalArgumentException("row of " + cells.length + " cells for " + headers.size() + " columns " + headers);
        }
        rows.add(Arrays.stream(cells).map(c -> c == null ? "" : String.valueOf(c)).toArray(String[]::new));
        return this;
    }

    /** Rows added so far. */
    public int size() {
        return rows.size();
    }

    public String html() {
        String left = " style=\"text-align:left\"";
        StringBuilder b = new StringBuilder("<table class=\"jynq-table\">");
        if (caption != null && !caption.isEmpty()) {
            b.append("<caption").append(left).append('>').append(Html.escape(caption)).append("</caption>");
        }
        b.append("<thead><tr>");
        headers.forEach(h -> b.append("<th").append(left).append('>').append(Html.escape(h)).append("</th>"));
        b.append("</tr></thead><tbody>");
        for (String[] r : rows) {
            b.append("<tr>");
            for (String c : r) {
                b.append("<td").append(left).append('>').append(Html.escape(c)).append("</td>");
            }
            b.append("</tr>");
        }
        return b.append("</tbody></table>").toString();
    }

    /** Columns padded to their widest cell, two spaces apart; no trailing blanks. */
    public String text() {
        int[] w = new int[headers.size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = headers.get(i).length();
            for (String[] r : rows) {
                w[i] = Math.max(w[i], r[i].length());
            }
        }
        StringBuilder b = new StringBuilder();
        if (caption != null && !caption.isEmpty()) {
            b.append(caption).append('\n');
        }
        line(b, headers.toArray(String[]::new), w);
        rows.forEach(r -> line(b, r, w));
        return b.toString().stripTrailing();
    }

    private static void line(StringBuilder b, String[] cells, int[] w) {
        StringBuilder l = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            l.append(cells[i]).append(i + 1 < cells.length ? " ".repeat(w[i] - cells[i].length() + 2) : "");
        }
        b.append(l.toString().stripTrailing()).append('\n');
    }

    /** Both forms. */
    public MimeBundle bundle() {
        return MimeBundle.html(html(), text());
    }
}
