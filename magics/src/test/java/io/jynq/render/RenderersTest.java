package io.jynq.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jynq.plot.Plot;
import io.jynq.plot.Stats;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Base64;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/** The one renderer registry: what the notebook and the console both show. */
class RenderersTest {

    @Test
    void aLineChartBecomesAPngOfTheChartSizeWithATextSummary() throws IOException {
        MimeBundle d = Renderers.render(Plot.lineChart().size(640, 320).series("in", new int[] {1, 3, 2}).chart());
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(d.get(MimeBundle.PNG))));
        assertEquals(640, img.getWidth());
        assertEquals(320, img.getHeight());
        assertEquals("XYChart \"\" 640x320 px: in (3 points)", d.text());
        // the console prints the same text form
        assertEquals(d.text(), ConsoleSink.text(Plot.lineChart().size(640, 320).series("in", new int[] {1, 3, 2}).chart()));
    }

    @Test
    void aChartRendersAsSvgWhenAsked() {
        MimeBundle d = Renderers.render(Plot.lineChart().series("in", new int[] {1, 3, 2}).chart(), MimeBundle.SVG);
        assertTrue(d.get(MimeBundle.SVG).contains("<svg"));
        assertFalse(d.data().containsKey(MimeBundle.PNG));
    }

    @Test
    void warmUpRendersARealPng() {
        assertTrue(ChartPng.warmUp() > 100);
    }

    @Test
    void tablesShowOneRowLimitAndTablesawsText() {
        int[] values = new int[TableHtml.DEFAULT_MAX_ROWS + 10];
        Table t = Table.create("t", IntColumn.create("n", values));
        MimeBundle d = Renderers.render(t);
        assertTrue(d.get(MimeBundle.HTML).contains("10 more rows"), d.get(MimeBundle.HTML));
        assertEquals(t.print(), d.text());
        assertTrue(Renderers.render(Stats.of("in", new int[] {1, 2}).table()).get(MimeBundle.HTML)
                .startsWith("<table class=\"jynq-table\"><caption>statistics"));
    }

    @Test
    void anImageIsAPng() {
        MimeBundle d = Renderers.render(new BufferedImage(3, 2, BufferedImage.TYPE_INT_RGB));
        assertTrue(d.get(MimeBundle.PNG).length() > 10);
        assertEquals("image 3x2 px", d.text());
    }

    @Test
    void arraysNullAndOthersAreText() {
        assertEquals("[1, 2, 3]", Renderers.render(new int[] {1, 2, 3}).text());
        assertEquals("[[a], [b, c]]", Renderers.render(new String[][] {{"a"}, {"b", "c"}}).text());
        assertEquals("null", Renderers.render(null).text());
        assertEquals("[x]", Renderers.render(List.of("x")).text());
    }

    /** A renderer registered by a user's code wins over the fallback, also for subclasses. */
    static class Widget {
    }

    static final class Gadget extends Widget {
    }

    @Test
    void theMostSpecificRegisteredTypeWins() {
        Renderers.register(Widget.class, w -> MimeBundle.html("<b>widget</b>", "widget"));
        assertEquals("<b>widget</b>", Renderers.render(new Gadget()).get(MimeBundle.HTML));
        Renderers.register(Gadget.class, g -> null); // declines: the Widget renderer answers
        assertEquals("widget", Renderers.render(new Gadget()).text());
    }
}
