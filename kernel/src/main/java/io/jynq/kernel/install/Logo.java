package io.jynq.kernel.install;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * Draws the kernel logo (a "J" on a chip outline) at the sizes Jupyter asks for, so no binary
 * image lives in the sources.
 */
final class Logo {
    private Logo() {
    }

    static BufferedImage draw(int size) {
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            int pad = size / 8;
            g.setColor(new Color(0xE7, 0x6F, 0x00));
            g.fillRoundRect(pad, pad, size - 2 * pad, size - 2 * pad, size / 6, size / 6);
            g.setColor(new Color(0x33, 0x33, 0x33));
            g.setStroke(new BasicStroke(Math.max(1, size / 32f)));
            for (int i = 1; i <= 3; i++) {
                int p = i * size / 4;
                g.drawLine(p, 0, p, pad);
                g.drawLine(p, size - pad, p, size);
                g.drawLine(0, p, pad, p);
                g.drawLine(size - pad, p, size, p);
            }
            g.setColor(Color.WHITE);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, size / 2));
            var fm = g.getFontMetrics();
            g.drawString("J", (size - fm.stringWidth("J")) / 2, (size + fm.getAscent() - fm.getDescent()) / 2);
        } finally {
            g.dispose();
        }
        return img;
    }

    static void write(int size, Path file) {
        try {
            ImageIO.write(draw(size), "png", file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write logo " + file + ": " + e.getMessage(), e);
        }
    }
}
