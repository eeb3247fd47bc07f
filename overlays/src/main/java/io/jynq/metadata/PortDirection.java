package io.jynq.metadata;

/** A port's direction ({@code DIR} attribute: {@code I}, {@code O}, {@code IO}). */
public enum PortDirection {
    IN,
    OUT,
    INOUT;

    /** The constant for a {@code DIR} value, or null if it is none of I, O, IO. */
    public static PortDirection fromHwh(String dir) {
        if (dir == null) {
            return null;
        }
        switch (dir) {
            case "I": return IN;
            case "O": return OUT;
            case "IO": return INOUT;
            default: return null;
        }
    }
}
