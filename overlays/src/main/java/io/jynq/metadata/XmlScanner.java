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
 *
 * <p>Its helpers: {@link XmlAttributes} holds the current tag's attributes as byte ranges,
 * {@link XmlValues} makes Strings of them, {@link XmlChars} has the byte-class tables and
 * {@link XmlLocator} turns offsets into lines and columns for messages.
 */
final class XmlScanner {
    static final int EOF = 0;
    static final int START = 1;
    static final int END = 2;

    private final byte[] buf;
    private final int limit;
    private int pos;

    private String[] stack = new String[16];
    private int[] stackOffsets = new int[16];
    private int depth;
    private boolean rootSeen;
    private boolean pendingEnd;

    private String name;
    private int tagOffset;
    private final XmlValues values;
    private final XmlAttributes attrs;
    private final XmlLocator locator;

    XmlScanner(byte[] buf, String file) {
        this.buf = buf;
        this.limit = buf.length;
        if (limit >= 3 && (buf[0] & 0xFF) == 0xEF && (buf[1] & 0xFF) == 0xBB && (buf[2] & 0xFF) == 0xBF) {
            pos = 3;
        }
        values = new XmlValues(buf, this);
        attrs = new XmlAttributes(buf, values);
        locator = new XmlLocator(buf, file, pos);
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

    /**
     * The value of the attribute of that (ASCII) name on the current START element, or null.
     * Attribute names are compared in the buffer, never made into Strings: most are never asked for.
     */
    String attr(XmlName attrName) {
        return attrs.get(attrName);
    }

    /** See {@link XmlAttributes#choice}: which of {@code choices} the attribute's value is, or -1. */
    int attrChoice(XmlName attrName, XmlName[] choices) {
        return attrs.choice(attrName, choices);
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
                        : "expected '<' starting an XML document, found " + XmlChars.describe(b));
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
        name = values.name(p, nameEnd, nameHash(p, nameEnd));
        p = nameEnd;
        attrs.clear();
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
                throw error(q, "expected whitespace, '>' or '/>' in <" + name + ">, found " + XmlChars.describe(c));
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
        int seen = 0;
        byte[] b = buf;
        int lim = limit;
        // The only branch per byte is the closing quote, which every document takes both ways;
        // rare bytes ('&', non-ASCII, CR/LF/TAB, '<') just set flag bits. A branch on them, first
        // taken deep into a file, made C2 throw this method's compiled code away mid-parse
        // (an unstable_if trap, seen in -XX:+LogCompilation), which cost the cold parse.
        while (e < lim) {
            byte c = b[e];
            if (c == quote) {
                break;
            }
            seen |= XmlChars.VALUE_FLAGS[c & 0xFF];
            e++;
        }
        if ((seen & XmlChars.LT_SEEN) != 0) {
            int lt = s;
            while (b[lt] != '<') {
                lt++;
            }
            throw error(lt, "'<' inside the value of attribute " + attrText(p, nameEnd) + " of <" + name
                    + ">; expected &lt;");
        }
        if (e >= lim) {
            throw error(q, "unterminated value of attribute " + attrText(p, nameEnd) + " of <" + name + ">");
        }
        byte flags = (byte) seen;
        if (attrs.contains(p, nameEnd)) {
            throw error(p, "duplicate attribute " + attrText(p, nameEnd) + " in <" + name + ">");
        }
        attrs.add(p, nameEnd, s, e, flags);
        int after = e + 1;
        if (after < limit && buf[after] != '>' && buf[after] != '/' && !XmlChars.isWs(buf[after])) {
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
                || (os + len < limit && XmlChars.NAME_CHAR[buf[os + len] & 0xFF])) {
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
        if (!XmlChars.isNameStart(b)) {
            throw error(p, "expected an XML name, found " + XmlChars.describe(b));
        }
        int e = p + 1;
        byte[] bb = buf;
        int lim = limit;
        while (e < lim && XmlChars.NAME_CHAR[bb[e] & 0xFF]) {
            e++;
        }
        return e;
    }

    /**
     * A hash of the element name {@code buf[s..e)} for the name cache, from its length and three
     * of its bytes: Vivado's few dozen element names differ in these, and a collision only costs
     * a probe. A hash over every byte (31 * h + b, a multiply chain per byte) was 8% of a parse
     * when it ran for every attribute name too.
     */
    private int nameHash(int s, int e) {
        int len = e - s;
        return len * 0x9E3779B1 ^ buf[s] << 8 ^ buf[s + (len >> 1)] << 16 ^ buf[e - 1];
    }

    private int skipWs(int p) {
        while (p < limit && XmlChars.isWs(buf[p])) {
            p++;
        }
        return p;
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

    /** "line L, column C" of a byte offset, for messages about other elements. */
    String position(int offset) {
        return locator.position(offset);
    }

    /** A MetadataException at a byte offset of this document, with its line and column. */
    MetadataException error(int offset, String problem) {
        return locator.error(offset, problem);
    }
}
