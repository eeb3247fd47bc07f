package io.jynq.buffer;

import java.util.Locale;

/**
 * The element type of a {@link ContiguousBuffer}, named as numpy names them: {@code u1..u8}
 * (unsigned), {@code i1..i8} (signed), {@code f4}, {@code f8}; the digit is the size in bytes.
 * Java has no unsigned types, so unsigned elements read back widened
 * ({@link ContiguousBuffer#getLong} of a {@code u4} holding 0xFFFFFFFF is 4294967295) and are
 * stored as the same bits as their signed twins. All are little-endian in memory.
 */
public enum DType {
    U1(1, false, false), U2(2, false, false), U4(4, false, false), U8(8, false, false),
    I1(1, true, false), I2(2, true, false), I4(4, true, false), I8(8, true, false),
    F4(4, true, true), F8(8, true, true);

    /** numpy {@code uint8}. */
    public static final DType UINT8 = U1;
    /** numpy {@code uint16}. */
    public static final DType UINT16 = U2;
    /** numpy {@code uint32}, PYNQ's default for {@code allocate}. */
    public static final DType UINT32 = U4;
    /** numpy {@code uint64}. */
    public static final DType UINT64 = U8;
    /** numpy {@code int8}. */
    public static final DType INT8 = I1;
    /** numpy {@code int16}. */
    public static final DType INT16 = I2;
    /** numpy {@code int32}. */
    public static final DType INT32 = I4;
    /** numpy {@code int64}. */
    public static final DType INT64 = I8;
    /** numpy {@code float32}. */
    public static final DType FLOAT32 = F4;
    /** numpy {@code float64}. */
    public static final DType FLOAT64 = F8;

    private final int byteSize;
    private final boolean signed;
    private final boolean floating;

    DType(int byteSize, boolean signed, boolean floating) {
        this.byteSize = byteSize;
        this.signed = signed;
        this.floating = floating;
    }

    /** Bytes per element (1, 2, 4 or 8). */
    public int byteSize() {
        return byteSize;
    }

    /** Whether the integer type is signed (floats count as signed). */
    public boolean signed() {
        return signed;
    }

    /** Whether this is {@code f4} or {@code f8}. */
    public boolean floating() {
        return floating;
    }

    /** numpy's short name, e.g. {@code u4}. */
    public String shortName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses numpy's spellings: {@code u4}, {@code uint32}, {@code <u4}, {@code int8}, {@code float32}, {@code f8}...
     *
     * @throws IllegalArgumentException naming the text and listing the accepted forms
     */
    public static DType parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.startsWith("<") || t.startsWith("=")) {
            t = t.substring(1);
        }
        switch (t) {
            case "u1", "uint8", "ubyte": return U1;
            case "u2", "uint16", "ushort": return U2;
            case "u4", "uint32", "uintc": return U4;
            case "u8", "uint64", "ulonglong": return U8;
            case "i1", "int8", "byte": return I1;
            case "i2", "int16", "short": return I2;
            case "i4", "int32", "intc": return I4;
            case "i8", "int64", "longlong", "long": return I8;
            case "f4", "float32", "single", "float": return F4;
            case "f8", "float64", "double": return F8;
            default:
                throw new IllegalArgumentException("unknown dtype \"" + text + "\"; use u1 u2 u4 u8 i1 i2 i4 i8 f4 f8"
                        + " or numpy names (uint32, int16, float32...); big-endian is not supported");
        }
    }
}
