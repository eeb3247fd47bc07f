package io.jynq.d2l;

/**
 * A value in a register program: an integer literal, or the name of an argument or of an
 * earlier read.
 *
 * @param literal the literal (as an unsigned 64-bit pattern), used when {@code name} is null
 * @param name    the argument or read name, or null for a literal
 */
public record ValueRef(long literal, String name) {

    /** A literal value. */
    public static ValueRef of(long literal) {
        return new ValueRef(literal, null);
    }

    /** A reference to an argument or an earlier read. */
    public static ValueRef named(String name) {
        return new ValueRef(0, name);
    }

    @Override
    public String toString() {
        return name != null ? name : "0x" + Long.toHexString(literal);
    }
}
