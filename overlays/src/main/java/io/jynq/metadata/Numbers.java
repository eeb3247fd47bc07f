package io.jynq.metadata;

/**
 * The number forms of a {@code .hwh}, read without regular expressions: addresses in hex (with
 * or without {@code 0x}, as Python's {@code int(s, 16)}), and PYNQ's {@code string2int}: hex
 * after {@code 0x}, otherwise decimal. Failures name the attribute and the bad text.
 */
final class Numbers {
    private Numbers() {}

    /** A hex address such as {@code 0x43C00000} or {@code 43C00000}, unsigned 64-bit. */
    static long hex(String text, String what, XmlScanner x, int at) {
        if (text == null) {
            throw x.error(at, "missing " + what + "; expected a hex address such as 0x40000000");
        }
        int from = text.startsWith("0x") || text.startsWith("0X") ? 2 : 0;
        long v = parse(text, from, 16);
        if (v == BAD) {
            throw x.error(at, what + " \"" + shorten(text) + "\" is not a hex address; expected e.g. 0x40000000");
        }
        return v;
    }

    /** PYNQ's string2int: {@code 0x} hex or decimal, unsigned, e.g. {@code 0x11C} or {@code 32}. */
    static long integer(String text, String what, XmlScanner x, int at) {
        long v = integerValue(text);
        if (v == BAD) {
            throw x.error(at, what + " \"" + shorten(text) + "\" is not a number; expected decimal or 0x hex");
        }
        return v;
    }

    /** As {@link #integer} but null instead of an error (reset values, clock frequencies). */
    static Long integerOrNull(String text) {
        long v = integerValue(text);
        return v == BAD ? null : v;
    }

    /** A decimal int that may be negative (LEFT/RIGHT of a port). */
    static long signedInt(String text, String what, XmlScanner x, int at) {
        boolean neg = text.startsWith("-");
        long v = parse(text, neg ? 1 : 0, 10);
        if (v == BAD || v > Integer.MAX_VALUE) {
            throw x.error(at, what + " \"" + shorten(text) + "\" is not an integer");
        }
        return neg ? -v : v;
    }

    /**
     * JYNQ's one reader of numeric IP PARAMETERs (issue 11: drivers and models had three):
     * {@code name} exactly, else ignoring case (AXI DMA lists both {@code C_INCLUDE_SG} and
     * {@code c_include_sg}); the value decimal (may be negative), {@code 0x} hex or {@code 0b}
     * binary, blanks around it ignored; {@code defaultValue} when absent or blank.
     *
     * @throws NumberFormatException naming {@code owner}, the parameter and the value otherwise
     */
    static long parameter(java.util.Map<String, String> parameters, String name, long defaultValue, String owner) {
        String v = parameters.get(name);
        if (v == null) {
            for (java.util.Map.Entry<String, String> e : parameters.entrySet()) {
                if (e.getKey().equalsIgnoreCase(name)) {
                    v = e.getValue();
                    break;
                }
            }
        }
        if (v == null || v.isBlank()) {
            return defaultValue;
        }
        String t = v.strip();
        boolean neg = t.startsWith("-");
        int from = neg ? 1 : 0;
        int radix = 10;
        if (t.regionMatches(true, from, "0x", 0, 2)) {
            radix = 16;
            from += 2;
        } else if (t.regionMatches(true, from, "0b", 0, 2)) {
            radix = 2;
            from += 2;
        }
        long r = radix == 2 ? parseBinary(t, from) : parse(t, from, radix);
        if (r == BAD || (neg && radix != 10)) {
            throw new NumberFormatException("parameter " + name + " of " + owner + " is not a number: \"" + shorten(v)
                    + "\"; expected decimal, 0x hex or 0b binary");
        }
        return neg ? -r : r;
    }

    private static long parseBinary(String s, int from) {
        int n = s.length();
        if (from >= n || n - from > 64) {
            return BAD;
        }
        long v = 0;
        for (int i = from; i < n; i++) {
            char c = s.charAt(i);
            if (c != '0' && c != '1') {
                return BAD;
            }
            v = (v << 1) | (c - '0');
        }
        return v == BAD ? BAD + 1 : v;
    }

    private static final long BAD = Long.MIN_VALUE;

    private static long integerValue(String text) {
        if (text == null) {
            return BAD;
        }
        if (text.startsWith("0x") || text.startsWith("0X")) {
            return parse(text, 2, 16);
        }
        long v = parse(text, 0, 10);
        return v < 0 && v != BAD ? BAD : v;
    }

    /** Digits from {@code from} to the end in that radix; BAD if none, a stray char, or overflow. */
    private static long parse(String s, int from, int radix) {
        int n = s.length();
        if (from >= n || n - from > 20) {
            return BAD;
        }
        long v = 0;
        for (int i = from; i < n; i++) {
            int d = Character.digit(s.charAt(i), radix);
            if (d < 0) {
                return BAD;
            }
            if (radix == 16) {
                if ((v >>> 60) != 0) {
                    return BAD;
                }
                v = (v << 4) | d;
            } else {
                if (v > (Long.MAX_VALUE - d) / 10) {
                    return BAD;
                }
                v = v * 10 + d;
            }
        }
        return v == BAD ? BAD + 1 : v;
    }

    static String shorten(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }
}
