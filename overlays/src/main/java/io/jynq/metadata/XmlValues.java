package io.jynq.metadata;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;

/**
 * Turns the byte ranges {@link XmlScanner} finds into Strings: attribute values (entities and
 * XML whitespace normalisation, UTF-8) and element names. Repeated values and every element name
 * come back as one shared String, so a 3.3 MB {@code .hwh} does not allocate a "read-write" per
 * register, nor a "C_S_AXI_DATA_WIDTH" per module: the parsed design is kept for the whole
 * session (a 512 MB board's kernel), and without sharing two thirds of pynqz1_base's 4 MB of
 * metadata were copies of the same parameter names, port names and net names.
 */
final class XmlValues {
    static final byte HAS_HIGH = 2;
    /**
     * Values up to this many bytes are shared (most repeat: "0", "32", "true"). Longer ones are
     * rarely equal, and hashing and comparing them cost more than the allocation they saved.
     */
    private static final int CACHE_MAX = 8;

    private final byte[] buf;
    private final XmlScanner owner;
    private final String[] valueCache = new String[2048];
    private final long[] valueKeys = new long[2048];
    private final byte[] valueLengths = new byte[2048];
    private final StringCache names = new StringCache();
    /**
     * Longer plain values by a hash of their bytes; the key is the offset of the value's first
     * occurrence in {@code buf}, which outlives the parse's tables. Four slots are probed; when
     * all hold other values the first is overwritten: a miss costs one String, never a wrong one.
     */
    private final String[] longValues;
    private final int[] longStarts;
    private final int[] longHashes;
    private final int longBits;
    /** Values with entities or whitespace to normalise (descriptions): rarer, so a plain map. */
    private final HashMap<String, String> decoded = new HashMap<>();

    XmlValues(byte[] buf, XmlScanner owner) {
        this.buf = buf;
        this.owner = owner;
        // The power of two above a 200th of the file's size (pynqz1_base.hwh: 12,000 distinct
        // longer values in 3.3 MB, 32,768 slots), so that four probes rarely all find others.
        longBits = Math.max(10, Math.min(16, 32 - Integer.numberOfLeadingZeros(buf.length / 200)));
        longValues = new String[1 << longBits];
        longStarts = new int[1 << longBits];
        longHashes = new int[1 << longBits];
    }

    /** The element name in {@code buf[s..e)}, looked up by the scanner's hash of it. */
    String name(int s, int e, int hash) {
        return names.get(buf, s, e, hash);
    }

    /** An attribute value without entities, CR, LF, TAB or non-ASCII bytes: one String per distinct value. */
    String plain(int s, int e) {
        return e - s <= CACHE_MAX ? cachedAscii(s, e) : cachedLong(s, e);
    }

    private String cachedLong(int s, int e) {
        int len = e - s;
        int h = len;
        for (int i = s; i < e; i++) {
            h = 31 * h + buf[i];
        }
        int first = (h * 0x9E3779B9) >>> (32 - longBits);
        int slot = first;
        for (int probe = 0; probe < 4; probe++, slot = (slot + 1) & (longValues.length - 1)) {
            String v = longValues[slot];
            if (v == null) {
                break;
            }
            if (longHashes[slot] == h && v.length() == len) {
                int k = longStarts[slot];
                if (Arrays.equals(buf, k, k + len, buf, s, e)) {
                    return v;
                }
            }
        }
        if (longValues[slot] != null) {
            slot = first; // four probes taken: the newer value replaces the first
        }
        String v = new String(buf, s, len, StandardCharsets.ISO_8859_1);
        longValues[slot] = v;
        longStarts[slot] = s;
        longHashes[slot] = h;
        return v;
    }

    private String cachedAscii(int s, int e) {
        // The up to 8 bytes packed into one long are the key: one compare instead of a byte loop
        // (this lookup runs for most of the 70,000 values of a large .hwh). The length is kept
        // apart because a value may end in bytes that pack as zero.
        int len = e - s;
        long key = pack(buf, s, len);
        long h = key * 0x9E3779B97F4A7C15L + len;
        int slot = (int) (h >>> 53) & (valueCache.length - 1);
        String v = valueCache[slot];
        if (v != null && valueKeys[slot] == key && valueLengths[slot] == len) {
            return v;
        }
        v = new String(buf, s, len, StandardCharsets.ISO_8859_1);
        valueCache[slot] = v;
        valueKeys[slot] = key;
        valueLengths[slot] = (byte) len;
        return v;
    }

    /**
     * Bytes {@code b[s..s+len)}, {@code len <= 8}, little-endian in a long. A plain loop rather
     * than a VarHandle view: the cold first parse runs this interpreted, where a VarHandle costs
     * its linkage and several milliseconds of class loading.
     */
    private static long pack(byte[] b, int s, int len) {
        long w = 0;
        for (int i = s + len - 1; i >= s; i--) {
            w = (w << 8) | (b[i] & 0xFF);
        }
        return w;
    }

    /** Short-key comparison; a plain loop beats the vectorized mismatch call at these lengths. */
    static boolean same(byte[] key, byte[] b, int s, int e) {
        if (key.length != e - s) {
            return false;
        }
        for (int i = 0; i < key.length; i++) {
            if (key[i] != b[s + i]) {
                return false;
            }
        }
        return true;
    }

    /** A value with entity references, whitespace to normalise or UTF-8 bytes. */
    String decode(int s, int e, byte flags) {
        byte[] out = new byte[e - s];
        int n = 0;
        for (int i = s; i < e; i++) {
            byte ch = buf[i];
            if (ch == '&') {
                int semi = i + 1;
                while (semi < e && semi - i < 12 && buf[semi] != ';') {
                    semi++;
                }
                if (semi >= e || buf[semi] != ';') {
                    throw owner.error(i, "'&' without ';' in an attribute value; expected an entity such as &amp;");
                }
                int cp = entity(i + 1, semi);
                if (cp < 0x80) {
                    out[n++] = (byte) cp;
                } else {
                    byte[] u = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8);
                    if (n + u.length > out.length) {
                        out = Arrays.copyOf(out, out.length + u.length + 8);
                    }
                    System.arraycopy(u, 0, out, n, u.length);
                    n += u.length;
                }
                i = semi;
            } else if (ch == '\r') {
                // XML end-of-line handling: CR LF and lone CR become LF, then whitespace becomes a space.
                out[n++] = ' ';
                if (i + 1 < e && buf[i + 1] == '\n') {
                    i++;
                }
            } else if (ch == '\n' || ch == '\t') {
                out[n++] = ' ';
            } else {
                out[n++] = ch;
            }
        }
        String v = (flags & HAS_HIGH) != 0 ? new String(out, 0, n, StandardCharsets.UTF_8)
                : new String(out, 0, n, StandardCharsets.ISO_8859_1);
        String shared = decoded.putIfAbsent(v, v);
        return shared != null ? shared : v;
    }

    /** The code point of the entity between '&' and ';' (exclusive bounds {@code s..e}). */
    private int entity(int s, int e) {
        int len = e - s;
        if (len >= 2 && buf[s] == '#') {
            boolean hex = buf[s + 1] == 'x';
            int from = hex ? s + 2 : s + 1;
            int cp = 0;
            boolean ok = from < e;
            for (int i = from; i < e && ok; i++) {
                int d = Character.digit((char) (buf[i] & 0xFF), hex ? 16 : 10);
                ok = d >= 0 && cp <= 0x10FFFF;
                cp = cp * (hex ? 16 : 10) + Math.max(d, 0);
            }
            if (ok && cp > 0 && Character.isValidCodePoint(cp)) {
                return cp;
            }
        } else if (len == 2 && buf[s] == 'l' && buf[s + 1] == 't') {
            return '<';
        } else if (len == 2 && buf[s] == 'g' && buf[s + 1] == 't') {
            return '>';
        } else if (len == 3 && buf[s] == 'a' && buf[s + 1] == 'm' && buf[s + 2] == 'p') {
            return '&';
        } else if (len == 4 && buf[s] == 'q' && buf[s + 1] == 'u' && buf[s + 2] == 'o' && buf[s + 3] == 't') {
            return '"';
        } else if (len == 4 && buf[s] == 'a' && buf[s + 1] == 'p' && buf[s + 2] == 'o' && buf[s + 3] == 's') {
            return '\'';
        }
        throw owner.error(s - 1, "unknown entity &" + owner.attrText(s, e)
                + "; expected &lt; &gt; &amp; &quot; &apos; or a character reference");
    }

    /** Element and attribute names: few and repeated, so each distinct name is one String. */
    private static final class StringCache {
        private final String[] table = new String[512];
        private final byte[][] keys = new byte[512][];

        String get(byte[] b, int s, int e, int h) {
            int mask = table.length - 1;
            int slot = (h ^ (h >>> 11)) & mask;
            for (int probe = 0; probe < 8; probe++) {
                byte[] k = keys[slot];
                if (k == null) {
                    String v = new String(b, s, e - s, StandardCharsets.UTF_8).intern();
                    table[slot] = v;
                    keys[slot] = Arrays.copyOfRange(b, s, e);
                    return v;
                }
                if (same(k, b, s, e)) {
                    return table[slot];
                }
                slot = (slot + 1) & mask;
            }
            return new String(b, s, e - s, StandardCharsets.UTF_8);
        }
    }
}
