package io.jynq.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jynq.plot.Plot;
import io.jynq.plot.Stats;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Base64;
import javax.imageio.ImageIO;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.junit.jupiter.api.Test;

class JupyterRenderersTest {
    private final Renderer renderer = new Renderer();

    JupyterRenderersTest() {
        JupyterRenderers.registerAll(renderer);
    }

    @Test
    void aLineChartBecomesAPngOfTheChartSizeWithATextSummary() throws IOException {
        DisplayData d = renderer.render(Plot.lineChart().size(640, 320).series("in", new int[] {1, 3, 2}).chart());
        byte[] png = Base64.getDecoder().decode((String) d.getData(MIMEType.IMAGE_PNG));
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(png));
        assertEquals(640, img.getWidth());
        assertEquals(320, img.getHeight());
        assertEquals("XYChart \"\" 640x320 px: in (3 points)", d.getData(MIMEType.TEXT_PLAIN));
    }

    @Test
    void warmUpRendersARealPng() throws IOException {
        int size = ChartPng.warmUp();
        assertTrue(size > 100, size + " bytes");
    }

    @Test
    void aHistogramIsAChartToo() {
        DisplayData d = renderer.render(Plot.hist(new double[] {1, 2, 2, 3}, 3));
        assertTrue(d.hasDataForType(MIMEType.IMAGE_PNG));
    }

    @Test
    void tablesAndProgressRenderAsHtml() {
        DisplayData t = renderer.render(Stats.of("in", new int[] {1, 2}).table());
        assertTrue(((String) t.getData(MIMEType.TEXT_HTML)).startsWith("<table class=\"jynq-table\"><caption>statistics"));
        DisplayData p = renderer.render(new ProgressState("Downloading", 1, 2, true, 0, false));
        assertTrue(((String) p.getData(MIMEType.TEXT_HTML)).contains("<progress value=\"1\" max=\"2\""));
        assertTrue(((String) p.getData(MIMEType.TEXT_PLAIN)).startsWith("Downloading ["));
    }
}
