package io.jynq.metadata;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Builds small well-formed .bit files (the real header layout, little data) for tests and fuzz seeds. */
public final class SmallBit {
    private SmallBit() {}

    /** Offset of the 4-byte data length in what {@link #make} builds. */
    static final int LENGTH_AT;

    private static final String[] FIELDS = {"tiny_wrapper;UserID=0XFFFFFFFF;Version=2022.1", "7z020clg400",
        "2026/11/21", "05:00:00"};

    static {
        int at = 13;
        for (String f : FIELDS) {
            at += 3 + f.length() + 1;
        }
        LENGTH_AT = at + 1;
    }

    public static byte[] make(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {0, 9, 0x0F, (byte) 0xF0, 0x0F, (byte) 0xF0, 0x0F, (byte) 0xF0, 0x0F, (byte) 0xF0, 0,
            0, 1});
        char key = 'a';
        for (String f : FIELDS) {
            byte[] t = (f + "\0").getBytes(StandardCharsets.US_ASCII);
            out.write(key++);
            out.write(t.length >> 8);
            out.write(t.length);
            out.writeBytes(t);
        }
        out.write('e');
        int n = data.length;
        out.writeBytes(new byte[] {(byte) (n >>> 24), (byte) (n >>> 16), (byte) (n >>> 8), (byte) n});
        out.writeBytes(data);
        return out.toByteArray();
    }

    /** A file whose data length (and size) is not a multiple of 4. */
    static byte[] oddLength(byte[] ignored) {
        return make(new byte[6]);
    }
}
