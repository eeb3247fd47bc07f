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
    private String[] attrNames = new String[16];
    private int[] attrStart = new int[16];
    private int[] attrEnd = new int[16];
    private byte[] attrFlags = new byte[16];
    private final String[] valueCache = new String[8192];
    private final StringCache names = new StringCache();
    private final int start;

    private static final byte HAS_AMP = 1;
    private static final byte HAS_HIGH = 2;
    private static final byte HAS_WS = 4;

    XmlScanner(byte[] buf, String file) {
        this.buf = buf;
        this.file = file;
        this.limit = buf.length;
        if (limit >= 3 && (buf[0] & 0xFF) == 0xEF && (buf[1] & 0xFF) == 0xBB && (buf[2] & 0xFF) == 0xBF) {
            pos = 3;
        }
        start = pos;
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
        return attrNames[i];
    }

    /** The value of the attribute of that name on the current START element, or null. */
    String attr(String attrName) {
        for (int i = 0; i < attrCount; i++) {
            String n = attrNames[i];
            if (n == attrName || n.equals(attrName)) {
                return attributeValue(i);
            }
        }
        return null;
    }

    String attributeValue(int i) {
        int s = attrStart[i];
        int e = attrEnd[i];
        byte flags = attrFlags[i];
        if (flags == 0) {
            return e - s <= 24 ? cachedAscii(s, e) : new String(buf, s, e - s, StandardCharsets.ISO_8859_1);
        }
        return decode(s, e, flags);
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
        name = names.get(buf, p, nameEnd);
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
        String an = names.get(buf, p, nameEnd);
        int q = skipWs(nameEnd);
        if (q >= limit || buf[q] != '=') {
            throw error(q, "expected '=' after attribute " + an + " of <" + name + ">");
        }
        q = skipWs(q + 1);
        if (q >= limit || (buf[q] != '"' && buf[q] != '\'')) {
            throw error(q, "expected a quoted value for attribute " + an + " of <" + name + ">");
        }
        byte quote = buf[q];
        int s = q + 1;
        int e = s;
        byte flags = 0;
        while (true) {
            if (e >= limit) {
                throw error(q, "unterminated value of attribute " + an + " of <" + name + ">");
            }
            byte b = buf[e];
            if (b == quote) {
                break;
            }
            if (b < 0) {
                flags |= HAS_HIGH;
            } else if (b == '&') {
                flags |= HAS_AMP;
            } else if (b == '<') {
                throw error(e, "'<' inside the value of attribute " + an + " of <" + name + ">; expected &lt;");
            } else if (b == '\n' || b == '\r' || b == '\t') {
                flags |= HAS_WS;
            }
            e++;
        }
        for (int i = 0; i < attrCount; i++) {
            if (attrNames[i].equals(an)) {
                throw error(p, "duplicate attribute " + an + " in <" + name + ">");
            }
        }
        if (attrCount == attrNames.length) {
            int n = attrCount * 2;
            attrNames = Arrays.copyOf(attrNames, n);
            attrStart = Arrays.copyOf(attrStart, n);
            attrEnd = Arrays.copyOf(attrEnd, n);
            attrFlags = Arrays.copyOf(attrFlags, n);
        }
        attrNames[attrCount] = an;
        attrStart[attrCount] = s;
        attrEnd[attrCount] = e;
        attrFlags[attrCount] = flags;
        attrCount++;
        int after = e + 1;
        if (after < limit && buf[after] != '>' && buf[after] != '/' && !isWs(buf[after])) {
            throw error(after, "expected whitespace, '>' or '/>' after attribute " + an + " of <" + name + ">");
        }
        return after;
    }

    private int endTag(int lt) {
        tagOffset = lt;
        int p = lt + 2;
        int nameEnd = scanName(p);
        String n = names.get(buf, p, nameEnd);
        int q = skipWs(nameEnd);
        if (q >= limit || buf[q] != '>') {
            throw error(q, "expected '>' closing </" + n + ">");
        }
        if (depth == 0) {
            throw error(lt, "</" + n + "> without a matching start tag");
        }
        String open = stack[depth - 1];
        if (!open.equals(n)) {
            throw error(lt, "expected </" + open + "> closing the element at " + position(stackOffsets[depth - 1])
                    + ", found </" + n + ">");
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
        while (e < limit) {
            b = buf[e];
            if (b < 0 || (b >= 'A' && b <= 'Z') || (b >= 'a' && b <= 'z') || (b >= '0' && b <= '9')
                    || b == '_' || b == ':' || b == '-' || b == '.') {
                e++;
            } else {
                break;
            }
        }
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

    private String cachedAscii(int s, int e) {
        int h = 0;
        for (int i = s; i < e; i++) {
            h = 31 * h + buf[i];
        }
        int slot = (h ^ (h >>> 13)) & (valueCache.length - 1);
        String c = valueCache[slot];
        if (c != null && sameAscii(c, s, e)) {
            return c;
        }
        String v = new String(buf, s, e - s, StandardCharsets.ISO_8859_1);
        valueCache[slot] = v;
        return v;
    }

    private boolean sameAscii(String c, int s, int e) {
        if (c.length() != e - s) {
            return false;
        }
        for (int i = 0; i < c.length(); i++) {
            if (c.charAt(i) != buf[s + i]) {
                return false;
            }
        }
        return true;
    }

    private String decode(int s, int e, byte flags) {
        String raw = (flags & HAS_HIGH) != 0 ? new String(buf, s, e - s, StandardCharsets.UTF_8)
                : new String(buf, s, e - s, StandardCharsets.ISO_8859_1);
        StringBuilder sb = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char ch = raw.charAt(i);
            if (ch == '&') {
                int semi = raw.indexOf(';', i);
                if (semi < 0) {
                    throw error(s, "'&' without ';' in an attribute value; expected an entity such as &amp;");
                }
                sb.appendCodePoint(entity(raw.substring(i + 1, semi), s));
                i = semi;
            } else if (ch == '\r') {
                // XML end-of-line handling: CR LF and lone CR become LF, then whitespace becomes a space.
                sb.append(' ');
                if (i + 1 < raw.length() && raw.charAt(i + 1) == '\n') {
                    i++;
                }
            } else if (ch == '\n' || ch == '\t') {
                sb.append(' ');
            } else {
                sb.append(ch);
            }
        }
        return sb.toString();
    }

    private int entity(String ref, int at) {
        switch (ref) {
            case "lt": return '<';
            case "gt": return '>';
            case "amp": return '&';
            case "quot": return '"';
            case "apos": return '\'';
            default:
                break;
        }
        try {
            int cp;
            if (ref.startsWith("#x")) {
                cp = Integer.parseInt(ref.substring(2), 16);
            } else if (ref.startsWith("#")) {
                cp = Integer.parseInt(ref.substring(1), 10);
            } else {
                cp = -1;
            }
            if (Character.isValidCodePoint(cp) && cp != 0 && ref.length() <= 10 && ref.indexOf('-') < 0
                    && ref.indexOf('+') < 0) {
                return cp;
            }
        } catch (NumberFormatException e) {
            // reported below with the entity text
        }
        throw error(at, "unknown entity &" + (ref.length() > 20 ? ref.substring(0, 20) + "..." : ref)
                + "; expected &lt; &gt; &amp; &quot; &apos; or a character reference");
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

    /** Element and attribute names: few and repeated, so each distinct name is one String. */
    private static final class StringCache {
        private final String[] table = new String[512];

        String get(byte[] b, int s, int e) {
            int h = 0;
            for (int i = s; i < e; i++) {
                h = 31 * h + b[i];
            }
            int mask = table.length - 1;
            int slot = (h ^ (h >>> 11)) & mask;
            for (int probe = 0; probe < 8; probe++) {
                String c = table[slot];
                if (c == null) {
                    String v = new String(b, s, e - s, StandardCharsets.UTF_8).intern();
                    table[slot] = v;
                    return v;
                }
                if (same(c, b, s, e)) {
                    return c;
                }
                slot = (slot + 1) & mask;
            }
            return new String(b, s, e - s, StandardCharsets.UTF_8);
        }

        private static boolean same(String c, byte[] b, int s, int e) {
            if (c.length() != e - s) {
                return false;
            }
            for (int i = 0; i < c.length(); i++) {
                if (c.charAt(i) != b[s + i]) {
                    return false;
                }
            }
            return true;
        }
    }
}
