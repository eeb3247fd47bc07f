package io.jynq.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jynq.plot.Plot;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;

/**
 * {@link PngEncoder} decoded by the JDK's own PNG reader (an independent decoder): same pixels,
 * about the size ImageIO's writer makes, and a chart rendered without loading ImageIO at all.
 */
class PngEncoderTest {

    @Test
    void theJdkReaderDecodesExactlyThePixelsOfAChartAndOfNoise() throws IOException {
        XYChart chart = Plot.lineChart().size(333, 121).series("in", new int[] {1, 3, 2, 7, -4}).chart();
        assertSamePixels(BitmapEncoder.getBufferedImage(chart));
        BufferedImage noise = new BufferedImage(97, 31, BufferedImage.TYPE_INT_ARGB);
        Random r = new Random(19);
        for (int y = 0; y < noise.getHeight(); y++) {
            for (int x = 0; x < noise.getWidth(); x++) {
                // a gradient, noise, and an alpha channel the PNG drops
                noise.setRGB(x, y, y < 15 ? 0x80000000 | (x * 2) << 16 | (y * 7) << 8 | (x + y) : r.nextInt());
            }
        }
        assertSamePixels(noise);
        assertSamePixels(new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB));
    }

    @Test
    void aChartPngIsAboutAsSmallAsImageIosAndNoEmptyImage() throws IOException {
        XYChart chart = Plot.lineChart().size(900, 400).series("s", sine(2000)).chart();
        BufferedImage img = BitmapEncoder.getBufferedImage(chart);
        ByteArrayOutputStream jdk = new ByteArrayOutputStream();
        ImageIO.write(img, "png", jdk);
        int ours = PngEncoder.encode(img).length;
        assertTrue(ours <= jdk.size() * 1.05, ours + " bytes against ImageIO's " + jdk.size());
        assertThrows(IllegalArgumentException.class, () -> PngEncoder.encode(emptyImage()));
    }

    @Test
    void aChartBecomesAPngWithoutLoadingImageIo() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(java.toString(), "-Djava.awt.headless=true", "-Xlog:class+load=info",
                "-cp", System.getProperty("java.class.path"), ChartMain.class.getName())
                .redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "child JVM did not end");
        assertEquals(0, p.exitValue(), log.length() > 2000 ? log.substring(log.length() - 2000) : log);
        assertTrue(log.contains("PNG bytes: "), "the child rendered a chart");
        assertFalse(log.contains("javax.imageio.ImageIO "), "ImageIO was loaded to encode a chart");
    }

    /** The child JVM of {@link #aChartBecomesAPngWithoutLoadingImageIo}. */
    static final class ChartMain {
        public static void main(String[] args) {
            System.out.println("PNG bytes: " + ChartPng.encode(Plot.lineChart().series("s", sine(100)).chart()).length);
        }
    }

    private static BufferedImage emptyImage() {
        return new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB) {
            @Override
            public int getWidth() {
                return 0;
            }
        };
    }

    private static double[] sine(int n) {
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = Math.sin(2 * Math.PI * i / 250);
        }
        return y;
    }

    private static void assertSamePixels(BufferedImage img) throws IOException {
        BufferedImage back = ImageIO.read(new ByteArrayInputStream(PngEncoder.encode(img)));
        assertEquals(img.getWidth(), back.getWidth());
        assertEquals(img.getHeight(), back.getHeight());
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                assertEquals(img.getRGB(x, y) & 0xFFFFFF, back.getRGB(x, y) & 0xFFFFFF, "pixel " + x + "," + y);
            }
        }
    }
}
