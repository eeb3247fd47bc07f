package io.jynq.metadata;

import java.util.Arrays;

/**
 * The attributes of the start tag {@link XmlScanner} is on, kept as byte ranges of the
 * document: names are compared in the buffer and values decoded only when asked for, since most
 * attributes of a {@code .hwh} are never read.
 */
final class XmlAttributes {
    /** The value holds an entity reference. */
    static final byte HAS_AMP = 1;
    /** The value holds non-ASCII (UTF-8) bytes. */
    static final byte HAS_HIGH = XmlValues.HAS_HIGH;
    /** The value holds CR, LF or TAB to normalise. */
    static final byte HAS_WS = 4;

    private final byte[] buf;
    private final XmlValues values;
    private int count;
    private int[] nameStart = new int[16];
    private int[] nameEnd = new int[16];
    private int[] valueStart = new int[16];
    private int[] valueEnd = new int[16];
    private byte[] flags = new byte[16];

    XmlAttributes(byte[] buf, XmlValues values) {
        this.buf = buf;
        this.values = values;
    }

    /**
     * Past this many attributes in one tag, duplicates are found through {@link #table} rather
     * than by comparing with each earlier name: a tag with 300,000 attributes (issue 14) made the
     * scan quadratic, and did not finish in 600 s.
     */
    private static final int LINEAR = 16;
    /** Open-addressing hash set of attribute indexes + 1 (0 = empty), built once a tag passes {@link #LINEAR}. */
    private int[] table;
    /** Whether {@link #table} holds this tag's attributes. */
    private boolean hashed;

    /** Forgets the previous tag's attributes. */
    void clear() {
        count = 0;
        if (hashed) {
            Arrays.fill(table, 0);
            hashed = false;
        }
    }

    /** Whether an attribute named by the bytes {@code [s, e)} was already added. */
    boolean contains(int s, int e) {
        if (count >= LINEAR) {
            return hashedContains(s, e);
        }
        for (int i = 0; i < count; i++) {
            int os = nameStart[i];
            // no first-byte shortcut: its branch, rarely taken, deoptimised the compiled method
            if (nameEnd[i] - os == e - s && Arrays.equals(buf, os, nameEnd[i], buf, s, e)) {
                return true;
            }
        }
        return false;
    }

    private boolean hashedContains(int s, int e) {
        if (!hashed) {
            rehash(Math.max(64, Integer.highestOneBit(count) * 4));
        }
        int mask = table.length - 1;
        for (int slot = hash(s, e) & mask; table[slot] != 0; slot = (slot + 1) & mask) {
            int i = table[slot] - 1;
            if (nameEnd[i] - nameStart[i] == e - s && Arrays.equals(buf, nameStart[i], nameEnd[i], buf, s, e)) {
                return true;
            }
        }
        return false;
    }

    private void rehash(int size) {
        if (table == null || table.length < size) {
            table = new int[size];
        } else {
            Arrays.fill(table, 0);
        }
        hashed = true;
        for (int i = 0; i < count; i++) {
            insert(i);
        }
    }

    private void insert(int i) {
        if ((count + 1) * 2 > table.length) {
            rehash(table.length * 2);  // re-inserts 0..count-1, including i when it is already counted
            return;
        }
        int mask = table.length - 1;
        int slot = hash(nameStart[i], nameEnd[i]) & mask;
        while (table[slot] != 0) {
            slot = (slot + 1) & mask;
        }
        table[slot] = i + 1;
    }

    private int hash(int s, int e) {
        int h = 0;
        for (int k = s; k < e; k++) {
            h = 31 * h + buf[k];
        }
        return h ^ (h >>> 16);
    }

    /** Adds the attribute named by bytes {@code [ns, ne)} with the raw value {@code [vs, ve)}. */
    void add(int ns, int ne, int vs, int ve, byte valueFlags) {
        if (count == nameStart.length) {
            int n = count * 2;
            nameStart = Arrays.copyOf(nameStart, n);
            nameEnd = Arrays.copyOf(nameEnd, n);
            valueStart = Arrays.copyOf(valueStart, n);
            valueEnd = Arrays.copyOf(valueEnd, n);
            flags = Arrays.copyOf(flags, n);
        }
        nameStart[count] = ns;
        nameEnd[count] = ne;
        valueStart[count] = vs;
        valueEnd[count] = ve;
        flags[count] = valueFlags;
        count++;
        if (hashed) {
            insert(count - 1);
        }
    }

    /** The value of the attribute of that (ASCII) name, or null. */
    String get(XmlName attrName) {
        int i = index(attrName);
        return i < 0 ? null : value(i);
    }

    /**
     * The index in {@code choices} (ASCII names) of the value of attribute {@code attrName}, or
     * -1 when the attribute is absent or its value is none of them. Compared in the buffer, so the
     * 13,000 PROPERTY names of a large file are never made into Strings just to be compared.
     */
    int choice(XmlName attrName, XmlName[] choices) {
        int i = index(attrName);
        if (i < 0) {
            return -1;
        }
        if (flags[i] != 0) {
            String v = value(i);
            for (int k = 0; k < choices.length; k++) {
                if (choices[k].text.equals(v)) {
                    return k;
                }
            }
            return -1;
        }
        int s = valueStart[i];
        int len = valueEnd[i] - s;
        for (int k = 0; k < choices.length; k++) {
            byte[] c = choices[k].ascii;
            if (c.length == len && sameAscii(c, s)) {
                return k;
            }
        }
        return -1;
    }

    private int index(XmlName attrName) {
        byte[] a = attrName.ascii;
        int len = a.length;
        for (int i = 0; i < count; i++) {
            int ns = nameStart[i];
            if (nameEnd[i] - ns == len && sameAscii(a, ns)) {
                return i;
            }
        }
        return -1;
    }

    private String value(int i) {
        int s = valueStart[i];
        int e = valueEnd[i];
        byte f = flags[i];
        return f == 0 ? values.plain(s, e) : values.decode(s, e, f);
    }

    /** Whether the buffer holds the ASCII bytes {@code a} at {@code at} (the caller checked the length). */
    boolean sameAscii(byte[] a, int at) {
        byte[] b = buf;
        for (int k = 0; k < a.length; k++) {
            if (b[at + k] != a[k]) {
                return false;
            }
        }
        return true;
    }
}
