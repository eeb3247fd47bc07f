package io.jynq.render;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * PNG of an opaque image, 8-bit RGB (PNG 1.2, ISO/IEC 15948: IHDR colour type 2, one IDAT, IEND),
 * rows unfiltered (filter type 0) as the JDK's own writer leaves non-palette images: a chart's
 * flat areas and thin lines deflate better so than with per-row adaptive filters (900x400 line
 * chart: 83 KB, against 96 KB adaptive and ImageIO's 87 KB).
 *
 * <p>Why our own and not {@code ImageIO.write}: every chart of a notebook is a PNG, and ImageIO's
 * service registry, stream and writer classes stay loaded in the kernel for the rest of the
 * session: on a 512 MB board (issue 19) that is 1.3 MB of class metadata and symbols (NMT, 10
 * XChart plots, with against without ImageIO) for what is a Deflater and a CRC here. Images that
 * are not opaque 8-bit RGB go to {@code ImageIO} as before ({@link Renderers}).
 */
final class PngEncoder {
    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    private PngEncoder() {
    }

    /**
     * The PNG bytes of {@code img}, {@code getWidth() x getHeight()} pixels, its alpha (if any)
     * dropped.
     *
     * @throws IllegalArgumentException if the image has no pixels
     */
    static byte[] encode(BufferedImage img) {
        int w = img.getWidth();
        int h = img.getHeight();
        if (w <= 0 || h <= 0) {
            throw new IllegalArgumentException("image of " + w + "x" + h + " pixels; PNG needs at least 1x1");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024 + w * h / 8);
        out.writeBytes(SIGNATURE);
        byte[] ihdr = new byte[13];
        putInt(ihdr, 0, w);
        putInt(ihdr, 4, h);
        ihdr[8] = 8; // bit depth
        ihdr[9] = 2; // colour type: RGB; compression, filter and interlace methods 0
        chunk(out, "IHDR", ihdr, ihdr.length);
        chunk(out, "IDAT", deflateRows(img, w, h));
        chunk(out, "IEND", new byte[0], 0);
        return out.toByteArray();
    }

    private static ByteArrayOutputStream deflateRows(BufferedImage img, int w, int h) {
        byte[] line = new byte[1 + 3 * w]; // line[0] = 0: filter type None
        int[] argb = new int[w];
        byte[] chunk = new byte[16 * 1024];
        ByteArrayOutputStream idat = new ByteArrayOutputStream(16 * 1024 + w * h / 8);
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION);
        try {
            for (int y = 0; y < h; y++) {
                img.getRGB(0, y, w, 1, argb, 0, w);
                for (int x = 0, i = 1; x < w; x++, i += 3) {
                    int p = argb[x];
                    line[i] = (byte) (p >> 16);
                    line[i + 1] = (byte) (p >> 8);
                    line[i + 2] = (byte) p;
                }
                deflater.setInput(line);
                while (!deflater.needsInput()) {
                    idat.write(chunk, 0, deflater.deflate(chunk));
                }
            }
            deflater.finish();
            while (!deflater.finished()) {
                idat.write(chunk, 0, deflater.deflate(chunk));
            }
        } finally {
            deflater.end(); // zlib's native state, freed now rather than when the Deflater is collected
        }
        return idat;
    }

    private static void chunk(ByteArrayOutputStream out, String type, ByteArrayOutputStream data) {
        chunk(out, type, data.toByteArray(), data.size());
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data, int length) {
        byte[] head = new byte[8];
        putInt(head, 0, length);
        byte[] t = type.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(t, 0, head, 4, 4);
        out.write(head, 0, 8);
        out.write(data, 0, length);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data, 0, length);
        byte[] tail = new byte[4];
        putInt(tail, 0, (int) crc.getValue());
        out.write(tail, 0, 4);
    }

    private static void putInt(byte[] b, int at, int v) {
        b[at] = (byte) (v >>> 24);
        b[at + 1] = (byte) (v >>> 16);
        b[at + 2] = (byte) (v >>> 8);
        b[at + 3] = (byte) v;
    }
}
