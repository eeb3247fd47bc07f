package io.jynq.metadata;

/**
 * Turns byte offsets of a document into the "line L, column C" that every {@link MetadataException}
 * of the XML reader names. Computed only when a message needs it, by one pass over the bytes
 * before the offset, so the scan itself never counts lines.
 */
final class XmlLocator {
    private final byte[] buf;
    private final String file;
    /** Where the content starts: after a UTF-8 BOM, which is not a column. */
    private final int start;

    XmlLocator(byte[] buf, String file, int start) {
        this.buf = buf;
        this.file = file;
        this.start = start;
    }

    /** "line L, column C" of a byte offset, for messages about other elements. */
    String position(int offset) {
        int[] lc = lineColumn(offset);
        return "line " + lc[0] + ", column " + lc[1];
    }

    /** A MetadataException at a byte offset of this document, with its line and column. */
    MetadataException error(int offset, String problem) {
        int[] lc = lineColumn(offset);
        return MetadataException.atLine(file, lc[0], lc[1], problem);
    }

    /** 1-based line and column (in characters, not bytes) of a byte offset. */
    int[] lineColumn(int offset) {
        int end = Math.min(offset, buf.length);
        int line = 1;
        int col = 1;
        for (int i = 0; i < end; i++) {
            byte b = buf[i];
            if (b == '\n') {
                line++;
                col = 1;
            } else if ((b & 0xC0) != 0x80 && i >= start) {
                col++;
            }
        }
        return new int[] {line, col};
    }
}
