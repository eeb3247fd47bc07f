package io.jynq.metadata;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Reads the header of a {@code .bit} (layout on {@link BitFile}) with every check naming the byte offset. */
final class BitHeader {
    private static final byte[] SYNC = {0x0F, (byte) 0xF0, 0x0F, (byte) 0xF0, 0x0F, (byte) 0xF0, 0x0F, (byte) 0xF0, 0x00};

    /** The buffer ends before the header does, but the file goes on: read more and retry. */
    static final class NeedMore extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NeedMore() {
            super(null, null, false, false);
        }
    }

    static BitFile parse(ByteBuffer b, long fileSize, String name, Path path) {
        return new BitHeader(b, fileSize).read(name, path);
    }

    private final ByteBuffer buf;
    private final long size;

    private BitHeader(ByteBuffer buf, long size) {
        this.buf = buf;
        this.size = size;
    }

    private BitFile read(String name, Path path) {
        ByteBuffer b = buf;
        long fileSize = size;
        int base = b.position();
        if (fileSize == 0) {
            throw MetadataException.atByte(name, 0, "empty file; expected a Xilinx .bit header starting 00 09 0F F0");
        }
        if (b.remaining() >= 2 && ((b.get(base) == '<') || ((b.get(base) & 0xFF) == 0xEF && (b.get(base + 1) & 0xFF) == 0xBB))) {
            throw MetadataException.atByte(name, 0, "this is XML (a .hwh?), not a .bit; expected the header 00 09 0F F0");
        }
        int len = u16(b, base, 0, name, "the length of the sync field");
        if (len != SYNC.length) {
            throw MetadataException.atByte(name, 0, "sync field length " + len + "; expected 9 (00 09 0F F0 0F F0 ...)");
        }
        for (int i = 0; i < SYNC.length; i++) {
            need(b, base, 2 + i, 1, name, "the sync field");
            if (b.get(base + 2 + i) != SYNC[i]) {
                throw MetadataException.atByte(name, 2 + i, String.format(
                        "bad sync header: byte 0x%02X; expected 0x%02X (sync 0F F0 0F F0 0F F0 0F F0 00)",
                        b.get(base + 2 + i) & 0xFF, SYNC[i] & 0xFF));
            }
        }
        int one = u16(b, base, 11, name, "the field count 00 01");
        if (one != 1) {
            throw MetadataException.atByte(name, 11, "value " + one + " after the sync field; expected 00 01");
        }
        String design = null;
        String version = null;
        String part = null;
        String date = null;
        String time = null;
        int off = 13;
        while (true) {
            need(b, base, off, 1, name, "a field key ('a'..'e')");
            int key = b.get(base + off) & 0xFF;
            if (key == 'e') {
                long dataLen = Integer.toUnsignedLong(u32(b, base, off + 1, name));
                long dataOff = off + 5L;
                if (dataOff + dataLen != fileSize) {
                    throw MetadataException.atByte(name, off + 1, "data length " + dataLen + " from byte " + dataOff
                            + " ends at " + (dataOff + dataLen) + " but the file has " + fileSize
                            + " bytes; expected them to agree");
                }
                if (dataLen % 4 != 0) {
                    throw MetadataException.atByte(name, off + 1, "data length " + dataLen
                            + " is not a multiple of 4; expected whole 32-bit configuration words");
                }
                if (design == null) {
                    throw MetadataException.atByte(name, off, "no design field 'a' before the data; expected a..d first");
                }
                return new BitFile(name, path, design, version, part, date, time, dataOff, dataLen);
            }
            if (key < 'a' || key > 'd') {
                throw MetadataException.atByte(name, off, String.format(
                        "unknown field key 0x%02X; expected 'a' (0x61) .. 'e' (0x65)", key));
            }
            int flen = u16(b, base, off + 1, name, "the length of field '" + (char) key + "'");
            need(b, base, off + 3, flen, name, "the " + flen + " bytes of field '" + (char) key + "'");
            String text = ascii(b, base, off + 3, flen, name, (char) key);
            off += 3 + flen;
            switch (key) {
                case 'a': {
                    int first = text.indexOf(';');
                    design = first < 0 ? text : text.substring(0, first);
                    version = text.substring(text.lastIndexOf(';') + 1);
                    break;
                }
                case 'b': part = text; break;
                case 'c': date = text; break;
                default: time = text; break;
            }
        }
    }

    /** Field text: ASCII, the trailing NUL dropped (PYNQ drops the last byte). */
    private String ascii(ByteBuffer b, int base, int at, int len, String name, char key) {
        byte[] bytes = new byte[len];
        for (int i = 0; i < len; i++) {
            byte c = b.get(base + at + i);
            if (c < 0) {
                throw MetadataException.atByte(name, at + i, String.format(
                        "byte 0x%02X in field '%c'; expected ASCII text", c & 0xFF, key));
            }
            bytes[i] = c;
        }
        int n = len > 0 ? len - 1 : 0;
        return new String(bytes, 0, n, StandardCharsets.US_ASCII);
    }

    private void need(ByteBuffer b, int base, int at, int n, String name, String what) {
        if (b.limit() - base < at + n) {
            if (b.limit() - base < size) {
                throw new NeedMore();
            }
            throw MetadataException.atByte(name, b.limit() - base, "file ends at byte " + (b.limit() - base)
                    + "; expected " + what + " at byte " + at + " (truncated header)");
        }
    }

    private int u16(ByteBuffer b, int base, int at, String name, String what) {
        need(b, base, at, 2, name, what);
        return ((b.get(base + at) & 0xFF) << 8) | (b.get(base + at + 1) & 0xFF);
    }

    private int u32(ByteBuffer b, int base, int at, String name) {
        need(b, base, at, 4, name, "the 4-byte data length after key 'e'");
        return b.getInt(base + at);
    }
}
