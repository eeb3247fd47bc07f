package io.jynq.metadata;

/**
 * Byte classes of the XML that {@link XmlScanner} reads, as lookup tables: one array load per
 * byte in the scanner's two hot loops (attribute values and names) instead of a chain of
 * comparisons.
 */
final class XmlChars {
    /** {@link #VALUE_CLASS} of a quote, which may end the value. */
    static final int C_QUOTE = 1;
    /** {@link #VALUE_CLASS} of '&amp;', which starts an entity reference. */
    static final int C_AMP = 2;
    /** {@link #VALUE_CLASS} of '&lt;', which no attribute value may contain. */
    static final int C_LT = 3;
    /** {@link #VALUE_CLASS} of CR, LF and TAB, which attribute-value normalisation turns into spaces. */
    static final int C_WS = 4;
    /** {@link #VALUE_CLASS} of a byte of a multi-byte UTF-8 sequence. */
    static final int C_HIGH = 5;

    /** Per byte: 0 for plain attribute-value bytes, else what needs a look. */
    static final byte[] VALUE_CLASS = new byte[256];
    /** Per byte: true where it may continue an XML name. */
    static final boolean[] NAME_CHAR = new boolean[256];

    static {
        VALUE_CLASS['"'] = C_QUOTE;
        VALUE_CLASS['\''] = C_QUOTE;
        VALUE_CLASS['&'] = C_AMP;
        VALUE_CLASS['<'] = C_LT;
        VALUE_CLASS['\n'] = C_WS;
        VALUE_CLASS['\r'] = C_WS;
        VALUE_CLASS['\t'] = C_WS;
        for (int i = 0x80; i < 0x100; i++) {
            VALUE_CLASS[i] = C_HIGH;
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
