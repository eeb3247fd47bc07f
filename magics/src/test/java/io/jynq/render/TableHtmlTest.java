package io.jynq.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class TableHtmlTest {

    @Test
    void namesAndCellsAreEscaped() {
        Table t = Table.create("<ips>", StringColumn.create("name & kind", "<script>alert(1)</script>"),
            IntColumn.create("offset", new int[] {16}));
        String html = TableHtml.render(t);
        assertTrue(html.contains("<caption>&lt;ips&gt;</caption>"), html);
        assertTrue(html.contains("<th style=\"text-align:left\">name &amp; kind</th>"), html);
        assertTrue(html.contains("<td style=\"text-align:left\">&lt;script&gt;alert(1)&lt;/script&gt;</td>"), html);
        assertFalse(html.contains("<script>"), html);
        assertTrue(html.contains("<td style=\"text-align:right\">16</td>"), html);
    }

    @Test
    void longTablesShowHeadAndTail() {
        int[] v = new int[100];
        for (int i = 0; i < v.length; i++) {
            v[i] = i;
        }
        String html = TableHtml.render(Table.create("t", IntColumn.create("i", v)), 10);
        assertEquals(10 + 1, html.split("<tr>").length - 2, "10 rows and the elision row");
        assertTrue(html.contains("90 more rows"), html);
        assertTrue(html.contains(">4</td>") && html.contains(">95</td>") && !html.contains(">50</td>"), html);
    }
}
