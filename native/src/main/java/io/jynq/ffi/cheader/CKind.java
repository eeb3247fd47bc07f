package io.jynq.ffi.cheader;

/**
 * The C scalar kinds the header loader can pass and return, with the Java value each takes.
 * {@code LONG}/{@code ULONG} are C {@code long}, {@code size_t} and friends: 32 bits on armhf, 64
 * on arm64 and x86-64. {@code CHAR} is plain {@code char}, signed on x86 and unsigned on ARM, so
 * it accepts -128..255.
 */
public enum CKind {
    VOID("void", 0),
    BOOL("bool", 1),
    CHAR("char", 8),
    INT8("int8_t", 8),
    UINT8("uint8_t", 8),
    INT16("int16_t", 16),
    UINT16("uint16_t", 16),
    INT32("int32_t", 32),
    UINT32("uint32_t", 32),
    INT64("int64_t", 64),
    UINT64("uint64_t", 64),
    LONG("long", 0),
    ULONG("unsigned long", 0),
    FLOAT("float", 32),
    DOUBLE("double", 64),
    POINTER("pointer", 0);

    private final String spelling;
    private final int bits;

    CKind(String spelling, int bits) {
        this.spelling = spelling;
        this.bits = bits;
    }

    /** How C spells it. */
    public String spelling() {
        return spelling;
    }

    /** Width in bits; for LONG, ULONG and POINTER the platform's. */
    public int bits() {
        return bits != 0 || this == VOID ? bits : com.sun.jna.Native.LONG_SIZE * 8;
    }

    /** Whether this is an integer kind (bool and char included). */
    public boolean isInteger() {
        return this != VOID && this != FLOAT && this != DOUBLE && this != POINTER;
    }
}
