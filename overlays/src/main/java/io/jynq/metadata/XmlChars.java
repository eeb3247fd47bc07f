package io.jynq.metadata;

/**
 * Byte classes of the XML that {@link XmlScanner} reads, as lookup tables: one array load per
 * byte in the scanner's two hot loops (attribute values and names) instead of a chain of
 * comparisons or branches.
 */
final class XmlChars {
    /** {@link #VALUE_FLAGS} bit of '&lt;', which no attribute value may contain. */
    static final int LT_SEEN = 8;

    /**
     * Per byte of an attribute value: the {@link XmlAttributes} flag bits it sets
     * ({@code HAS_AMP} for '&amp;', {@code HAS_HIGH} for a byte of a multi-byte UTF-8 sequence,
     * {@code HAS_WS} for CR, LF and TAB, which normalisation turns into spaces) or
     * {@link #LT_SEEN}; 0 for plain bytes and for both quotes.
     */
    static final byte[] VALUE_FLAGS = new byte[256];
    /** Per byte: true where it may continue an XML name. */
    static final boolean[] NAME_CHAR = new boolean[256];

    static {
        VALUE_FLAGS['&'] = XmlAttributes.HAS_AMP;
        VALUE_FLAGS['<'] = LT_SEEN;
        VALUE_FLAGS['\n'] = XmlAttributes.HAS_WS;
        VALUE_FLAGS['\r'] = XmlAttributes.HAS_WS;
        VALUE_FLAGS['\t'] = XmlAttributes.HAS_WS;
        for (int i = 0x80; i < 0x100; i++) {
            VALUE_FLAGS[i] = XmlAttributes.HAS_HIGH;
            NAME_CHAR[i] = true;
        }
        for (int c = 'a'; c <= 'z'; c++) {
            NAME_CHAR[c] = true;
            NAME_CHAR[c - 'a' + 'A'] = true;
        }
        for (int c = '0'; c <= '9'; c++) {
            NAME_CHAR[c] = true;
        }
        NAME_CHAR['_'] = true;
        NAME_CHAR[':'] = true;
        NAME_CHAR['-'] = true;
        NAME_CHAR['.'] = true;
    }

    private XmlChars() {}

    /** XML whitespace: space, LF, CR, TAB. */
    static boolean isWs(byte b) {
        return b == ' ' || b == '\n' || b == '\r' || b == '\t';
    }

    /** A byte that may start an XML name (ASCII letters, '_', ':', any non-ASCII UTF-8 byte). */
    static boolean isNameStart(byte b) {
        return b < 0 || (b >= 'A' && b <= 'Z') || (b >= 'a' && b <= 'z') || b == '_' || b == ':';
    }

    /** A byte for a message: {@code 'x'} when printable ASCII, else {@code byte 0x1F}. */
    static String describe(byte b) {
        return b >= 0x20 && b < 0x7F ? "'" + (char) b + "'" : String.format("byte 0x%02X", b & 0xFF);
    }
}
