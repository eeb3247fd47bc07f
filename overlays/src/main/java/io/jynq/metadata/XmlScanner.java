package io.jynq.metadata;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A pull scanner for the XML that Vivado writes in {@code .hwh} files: elements and attributes
 * only (text, comments, processing instructions and CDATA are skipped), UTF-8, no DTD.
 *
 * <p>Why our own and not {@code javax.xml.stream}: the JDK's StAX reader takes 23-28 ms just to
 * tokenize the 3.3 MB {@code pynqz1_base.hwh} on the 2-core target, over the 15 ms budget for the
 * whole parse. This scanner works on the bytes, decodes attribute values only when asked, and
 * returns the same String instance for repeated short values, so the parse stays within budget.
 * It still checks well-formedness (matching tags, quoted attributes, known entities, one root)
 * and reports every error with the file, line and column.
 */
final class XmlScanner {
    static final int EOF = 0;
    static final int START = 1;
    static final int END = 2;

    private final byte[] buf;
    private final String file;
    private final int limit;
    private int pos;

    private String[] stack = new String[16];
    private int[] stackOffsets = new int[16];
    private int depth;
    private boolean rootSeen;
    private boolean pendingEnd;

    private String name;
    private int tagOffset;
    private int attrCount;
    private int[] attrNameStart = new int[16];
    private int[] attrNameEnd = new int[16];
    private int[] attrStart = new int[16];
    private int[] attrEnd = new int[16];
    private byte[] attrFlags = new byte[16];
    private final XmlValues values;
    private final int start;
    /** Hash of the bytes of the name scanName last read, computed while scanning it. */
    private int nameHash;

    private static final int C_QUOTE = 1;
    private static final int C_AMP = 2;
    private static final int C_LT = 3;
    private static final int C_WS = 4;
    private static final int C_HIGH = 5;
    /** Per byte: 0 for plain attribute-value bytes, else what needs a look. */
    private static final byte[] VALUE_CLASS = new byte[256];
    /** Per byte: 1 where it may continue an XML name. */
    private static final boolean[] NAME_CHAR = new boolean[256];

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

    private static final byte HAS_AMP = 1;
    private static final byte HAS_HIGH = XmlValues.HAS_HIGH;
    private static final byte HAS_WS = 4;

    XmlScanner(byte[] buf, String file) {
        this.buf = buf;
        this.file = file;
        this.limit = buf.length;
        if (limit >= 3 && (buf[0] & 0xFF) == 0xEF && (buf[1] & 0xFF) == 0xBB && (buf[2] & 0xFF) == 0xBF) {
            pos = 3;
        }
        start = pos;
        values = new XmlValues(buf, this);
    }

    /** The element name of the current START or END event. */
    String name() {
        return name;
    }

    /** Nesting depth of the current element: 1 for the root. */
    int depth() {
        return depth;
    }

    /** Byte offset of the current tag's '<'. */
    int offset() {
        return tagOffset;
    }

    int attributeCount() {
        return attrCount;
    }

    String attributeName(int i) {
        return new String(buf, attrNameStart[i], attrNameEnd[i] - attrNameStart[i], StandardCharsets.UTF_8);
    }

    /**
     * The value of the attribute of that (ASCII) name on the current START element, or null.
     * Attribute names are compared in the buffer, never made into Strings: most are never asked for.
     */
    String attr(String attrName) {
        int len = attrName.length();
        for (int i = 0; i < attrCount; i++) {
            int ns = attrNameStart[i];
            if (attrNameEnd[i] - ns == len && sameAscii(attrName, ns)) {
                return attributeValue(i);
            }
        }
        return null;
    }

    boolean sameAscii(String a, int at) {
        for (int k = 0; k < a.length(); k++) {
            if (buf[at + k] != a.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    String attributeValue(int i) {
        int s = attrStart[i];
        int e = attrEnd[i];
        byte flags = attrFlags[i];
        if (flags == 0) {
            return values.plain(s, e);
        }
        return values.decode(s, e, flags);
    }

    /** Advances to the next START or END event, or EOF after the root element closed. */
    int next() {
        if (pendingEnd) {
            pendingEnd = false;
            depth--;
            name = stack[depth];
            return END;
        }
        while (true) {
            int lt = indexOf((byte) '<', pos);
            if (lt < 0) {
                checkText(pos, limit);
                pos = limit;
                return atEof();
            }
            checkText(pos, lt);
            pos = lt;
            if (lt + 1 >= limit) {
                throw error(lt, "unexpected end of file after '<'");
            }
            byte c = buf[lt + 1];
            if (c == '?') {
                pos = skipPast("?>", lt + 2, lt, "processing instruction");
            } else if (c == '!') {
                skipBang(lt);
            } else if (c == '/') {
                return endTag(lt);
            } else {
                return startTag(lt);
            }
        }
    }

    private int atEof() {
        if (depth > 0) {
            throw error(limit, "unexpected end of file; expected </" + stack[depth - 1] + "> closing the element at "
                    + position(stackOffsets[depth - 1]));
        }
        if (!rootSeen) {
            throw error(limit, "no XML element found; expected the EDKSYSTEM root element of a .hwh");
        }
        name = null;
        return EOF;
    }

    private void checkText(int from, int to) {
        if (depth > 0) {
            return;
        }
        for (int i = from; i < to; i++) {
            byte b = buf[i];
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                if (!rootSeen && i < 16 && limit > 2 && buf[0] == 0 && buf[1] == 9) {
                    throw error(i, "not XML: this looks like a Xilinx .bit bitstream; expected a .hwh (XML) file");
                }
                throw error(i, rootSeen ? "content after the root element closed"
                        : "expected '<' starting an XML document, found " + describeByte(b));
            }
        }
    }

    private void skipBang(int lt) {
        if (startsWith("<!--", lt)) {
            pos = skipPast("-->", lt + 4, lt, "comment");
        } else if (startsWith("<![CDATA[", lt)) {
            if (depth == 0) {
                throw error(lt, "CDATA outside the root element");
            }
            pos = skipPast("]]>", lt + 9, lt, "CDATA section");
        } else if (startsWith("<!DOCTYPE", lt)) {
            throw error(lt, "DOCTYPE declarations are not supported in a .hwh; expected elements only");
        } else {
            throw error(lt, "expected a comment, CDATA or element after '<!'");
        }
    }

    private int startTag(int lt) {
        if (depth == 0 && rootSeen) {
            throw error(lt, "a second root element; expected the end of the file after the root element");
        }
        tagOffset = lt;
        int p = lt + 1;
        int nameEnd = scanName(p);
        name = values.name(p, nameEnd, nameHash);
        p = nameEnd;
        attrCount = 0;
        while (true) {
            int q = skipWs(p);
            if (q >= limit) {
                throw error(limit, "unexpected end of file inside <" + name + ">");
            }
            byte c = buf[q];
            if (c == '>') {
                pos = q + 1;
                push(name, lt);
                return START;
            }
            if (c == '/') {
                if (q + 1 >= limit || buf[q + 1] != '>') {
                    throw error(q, "expected '/>' closing <" + name + ">");
                }
                pos = q + 2;
                push(name, lt);
                pendingEnd = true;
                return START;
            }
            if (q == p) {
                throw error(q, "expected whitespace, '>' or '/>' in <" + name + ">, found " + describeByte(c));
            }
            p = attribute(q);
        }
    }

    private int attribute(int p) {
        int nameEnd = scanName(p);
        int q;
        if (nameEnd + 1 < limit && buf[nameEnd] == '=' && buf[nameEnd + 1] == '"') {
            q = nameEnd + 1; // the usual NAME="...": no whitespace to skip
        } else {
            q = skipWs(nameEnd);
            if (q >= limit || buf[q] != '=') {
                throw error(q, "expected '=' after attribute " + attrText(p, nameEnd) + " of <" + name + ">");
            }
            q = skipWs(q + 1);
            if (q >= limit || (buf[q] != '"' && buf[q] != '\'')) {
                throw error(q, "expected a quoted value for attribute " + attrText(p, nameEnd) + " of <" + name + ">");
            }
        }
        byte quote = buf[q];
        int s = q + 1;
        int e = s;
        byte flags = 0;
        byte[] b = buf;
        int lim = limit;
        while (true) {
            int cls = 0;
            while (e < lim && (cls = VALUE_CLASS[b[e] & 0xFF]) == 0) {
                e++;
            }
            if (e >= lim) {
                throw error(q, "unterminated value of attribute " + attrText(p, nameEnd) + " of <" + name + ">");
            }
            byte c = b[e];
            if (c == quote) {
                break;
            }
            if (cls == C_HIGH) {
                flags |= HAS_HIGH;
            } else if (cls == C_AMP) {
                flags |= HAS_AMP;
            } else if (cls == C_LT) {
                throw error(e, "'<' inside the value of attribute " + attrText(p, nameEnd) + " of <" + name
                        + ">; expected &lt;");
            } else if (cls == C_WS) {
                flags |= HAS_WS;
            }
            e++;
        }
        for (int i = 0; i < attrCount; i++) {
            int os = attrNameStart[i];
            if (attrNameEnd[i] - os == nameEnd - p && buf[os] == buf[p]
                    && Arrays.equals(buf, os, attrNameEnd[i], buf, p, nameEnd)) {
                throw error(p, "duplicate attribute " + attrText(p, nameEnd) + " in <" + name + ">");
            }
        }
        if (attrCount == attrNameStart.length) {
            int n = attrCount * 2;
            attrNameStart = Arrays.copyOf(attrNameStart, n);
            attrNameEnd = Arrays.copyOf(attrNameEnd, n);
            attrStart = Arrays.copyOf(attrStart, n);
            attrEnd = Arrays.copyOf(attrEnd, n);
            attrFlags = Arrays.copyOf(attrFlags, n);
        }
        attrNameStart[attrCount] = p;
        attrNameEnd[attrCount] = nameEnd;
        attrStart[attrCount] = s;
        attrEnd[attrCount] = e;
        attrFlags[attrCount] = flags;
        attrCount++;
        int after = e + 1;
        if (after < limit && buf[after] != '>' && buf[after] != '/' && !isWs(buf[after])) {
            throw error(after, "expected whitespace, '>' or '/>' after attribute " + attrText(p, nameEnd) + " of <"
                    + name + ">");
        }
        return after;
    }

    String attrText(int s, int e) {
        return new String(buf, s, e - s, StandardCharsets.UTF_8);
    }

    private int endTag(int lt) {
        tagOffset = lt;
        int p = lt + 2;
        int nameEnd = scanName(p);
        int q = skipWs(nameEnd);
        if (q >= limit || buf[q] != '>') {
            throw error(q, "expected '>' closing </" + attrText(p, nameEnd) + ">");
        }
        if (depth == 0) {
            throw error(lt, "</" + attrText(p, nameEnd) + "> without a matching start tag");
        }
        String open = stack[depth - 1];
        // Compare with the start tag's bytes: no lookup needed for the 12,000 end tags of a large file.
        int os = stackOffsets[depth - 1] + 1;
        int len = nameEnd - p;
        if (os + len > limit || !Arrays.equals(buf, os, os + len, buf, p, nameEnd)
                || (os + len < limit && NAME_CHAR[buf[os + len] & 0xFF])) {
            throw error(lt, "expected </" + open + "> closing the element at " + position(stackOffsets[depth - 1])
                    + ", found </" + attrText(p, nameEnd) + ">");
        }
        depth--;
        name = open;
        pos = q + 1;
        return END;
    }

    private void push(String n, int offset) {
        if (depth == stack.length) {
            stack = Arrays.copyOf(stack, depth * 2);
            stackOffsets = Arrays.copyOf(stackOffsets, depth * 2);
        }
        stack[depth] = n;
        stackOffsets[depth] = offset;
        depth++;
        rootSeen = true;
    }

    private int scanName(int p) {
        if (p >= limit) {
            throw error(limit, "unexpected end of file; expected an XML name");
        }
        byte b = buf[p];
        if (!(b < 0 || (b >= 'A' && b <= 'Z') || (b >= 'a' && b <= 'z') || b == '_' || b == ':')) {
            throw error(p, "expected an XML name, found " + describeByte(b));
        }
        int e = p + 1;
        byte[] bb = buf;
        int lim = limit;
        int h = b;
        while (e < lim && NAME_CHAR[bb[e] & 0xFF]) {
            h = 31 * h + bb[e];
            e++;
        }
        nameHash = h;
        return e;
    }

    private int skipWs(int p) {
        while (p < limit && isWs(buf[p])) {
            p++;
        }
        return p;
    }

    private static boolean isWs(byte b) {
        return b == ' ' || b == '\n' || b == '\r' || b == '\t';
    }

    private int indexOf(byte b, int from) {
        for (int i = from; i < limit; i++) {
            if (buf[i] == b) {
                return i;
            }
        }
        return -1;
    }

    private boolean startsWith(String s, int at) {
        if (at + s.length() > limit) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (buf[at + i] != s.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private int skipPast(String terminator, int from, int start, String what) {
        for (int i = from; i + terminator.length() <= limit; i++) {
            if (buf[i] == terminator.charAt(0) && startsWith(terminator, i)) {
                return i + terminator.length();
            }
        }
        throw error(start, "unterminated " + what + "; expected '" + terminator + "'");
    }

    private static String describeByte(byte b) {
        return b >= 0x20 && b < 0x7F ? "'" + (char) b + "'" : String.format("byte 0x%02X", b & 0xFF);
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

    /** 1-based line and column (in characters) of a byte offset; computed only for messages. */
    int[] lineColumn(int offset) {
        int end = Math.min(offset, limit);
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
