package io.jynq.render.overlay;

/** Hexadecimal as register views show it: {@code 0x40400000}, upper-case digits. */
final class Hex {
    private Hex() {
    }

    static String of(long v) {
        return "0x" + Long.toHexString(v).toUpperCase();
    }

    /** Zero-padded to the register width, e.g. {@code 0x00000001} for 32 bits. */
    static String of(long v, int widthBits) {
        int digits = Math.max(1, (Math.min(widthBits, 64) + 3) / 4);
        String s = Long.toHexString(v).toUpperCase();
        return "0x" + "0".repeat(Math.max(0, digits - s.length())) + s;
    }

    /** A byte count with a binary unit, e.g. {@code 64 KiB}, {@code 512 MiB}, {@code 100 bytes}. */
    static String bytes(long n) {
        if (n >= (1L << 30) && n % (1L << 30) == 0) {
            return (n >> 30) + " GiB";
        }
        if (n >= (1L << 20) && n % (1L << 20) == 0) {
            return (n >> 20) + " MiB";
        }
        if (n >= 1024 && n % 1024 == 0) {
            return (n >> 10) + " KiB";
        }
        return n + " bytes";
    }
}
