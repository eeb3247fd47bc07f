package io.jynq.kernel.display;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

class TableRendererTest {
    @Test
    void longTablesShowHeadEllipsisAndTail() {
        int[] values = new int[100];
        for (int i = 0; i < values.length; i++) {
            values[i] = i;
        }
        String html = TableRenderer.html(Table.create("t", IntColumn.create("n", values)));
        assertEquals(TableRenderer.MAX_ROWS + 1, html.split("<tr><td>", -1).length - 1);
        assertTrue(html.contains("<td>19</td>") && html.contains("<td>…</td>") && html.contains("<td>80</td>"));
        assertTrue(!html.contains("<td>50</td>"));
    }

    @Test
    void cellTextIsEscaped() {
        assertEquals("&lt;b&gt; &amp; &quot;", TableRenderer.escape("<b> & \""));
    }

    @Test
    void chartRendersAsPngOfItsSize() throws Exception {
        System.setProperty("java.awt.headless", "true");
        XYChart c = new XYChart(120, 80);
        c.addSeries("s", new double[] {1, 2}, new double[] {3, 4});
        byte[] png = java.util.Base64.getDecoder().decode(ChartRenderer.png(c));
        java.awt.image.BufferedImage img = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(png));
        assertEquals(120, img.getWidth());
        assertEquals(80, img.getHeight());
        assertTrue(ChartRenderer.svg(c).contains("<svg"));
        assertEquals("XYChart[, 120x80 px, 1 series]", ChartRenderer.summary(c));
    }
}
