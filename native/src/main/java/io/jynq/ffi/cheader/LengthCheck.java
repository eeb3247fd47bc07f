package io.jynq.ffi.cheader;

import java.util.List;

/**
 * Checks length arguments against the buffers they describe before a call, so that the usual
 * way to overrun a buffer (a wrong length) is an {@link IllegalArgumentException} in Java, not
 * memory corruption in C. A length is an integer parameter that is either named
 * {@code len_<buf>} (D2L's convention: the byte length of parameter {@code <buf>}) or a
 * {@code size_t} right after a pointer parameter ({@code checksum(const uint8_t *data, size_t len)}).
 * Either must not exceed the bytes the pointer argument spans: for a {@code uint8_t}, {@code char}
 * or {@code void} pointee that is exact; for wider elements it is the loosest bound that never
 * rejects a correct call whether the length counts bytes or elements (the guard pages of the
 * helper process catch the rest). Arguments whose span is unknown (a JNA Pointer) are not checked.
 */
final class LengthCheck {
    private LengthCheck() {}

    static void check(CDeclaration d, Object[] converted, String where) {
        List<CParameter> ps = d.parameters();
        for (int i = 0; i < ps.size(); i++) {
            CParameter p = ps.get(i);
            if (p.type().isPointer() || !p.type().kind().isInteger()) {
                continue;
            }
            int buffer = described(ps, i);
            if (buffer < 0) {
                continue;
            }
            long span = CArguments.byteSpan(converted[buffer]);
            long length = ((Number) (converted[i] instanceof com.sun.jna.NativeLong nl ? nl.longValue() : converted[i]))
                    .longValue();
            if (span >= 0 && Long.compareUnsigned(length, span) > 0) {
                throw new IllegalArgumentException("argument '" + p.name() + "' of " + where + ": "
                        + Long.toUnsignedString(length) + " exceeds the " + span + " bytes of argument '"
                        + ps.get(buffer).name() + "'");
            }
        }
    }

    /** The index of the pointer parameter length parameter {@code i} describes, or -1. */
    private static int described(List<CParameter> ps, int i) {
        String name = ps.get(i).name();
        if (name != null && name.startsWith("len_")) {
            for (int k = 0; k < ps.size(); k++) {
                if (ps.get(k).type().isPointer() && name.substring(4).equals(ps.get(k).name())) {
                    return k;
                }
            }
        }
        if (i > 0 && ps.get(i - 1).type().isPointer() && ps.get(i).type().spelling().replace("const ", "").equals("size_t")) {
            return i - 1;
        }
        return -1;
    }
}
