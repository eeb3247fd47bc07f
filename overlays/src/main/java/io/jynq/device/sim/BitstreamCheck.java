package io.jynq.device.sim;

import io.jynq.device.DeviceException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What the simulated board checks of a bitstream before "programming": a {@code .bit} must have
 * Xilinx's header (the 9-byte magic, fields a..d, and an {@code e} length that ends exactly at the
 * end of the file, as PYNQ's {@code parse_bit_header} demands) and a configuration containing the
 * sync word {@code AA 99 55 66}; a {@code .bin} must be whole 32-bit words containing the
 * byte-swapped sync word {@code 66 55 99 AA}. To be replaced by {@code io.jynq.metadata.BitFile}
 * once that exists.
 */
final class BitstreamCheck {
    private static final byte[] MAGIC = {0x00, 0x09, 0x0F, (byte) 0xF0, 0x0F, (byte) 0xF0, 0x0F, (byte) 0xF0,
        0x0F, (byte) 0xF0, 0x00, 0x00, 0x01};
    private static final byte[] SYNC = {(byte) 0xAA, (byte) 0x99, 0x55, 0x66};
    private static final byte[] SYNC_SWAPPED = {0x66, 0x55, (byte) 0x99, (byte) 0xAA};

    private BitstreamCheck() {}

    /** @throws DeviceException naming the file and byte offset of the first problem */
    static void check(Path file) {
        byte[] b;
        try {
            b = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read bitstream " + file, e);
        }
        String name = file.getFileName().toString();
        if (name.endsWith(".bin")) {
            if (b.length == 0 || b.length % 4 != 0) {
                throw new DeviceException(name + ": a .bin must be whole 32-bit words, got " + b.length + " bytes");
            }
            if (indexOf(b, SYNC_SWAPPED, 0) < 0) {
                throw new DeviceException(name + ": no sync word 66 55 99 AA in the .bin; not a Xilinx configuration");
            }
            return;
        }
        for (int i = 0; i < MAGIC.length; i++) {
            if (i >= b.length || b[i] != MAGIC[i]) {
                throw new DeviceException(name + ": byte " + i + ": Xilinx .bit header 00 09 0F F0 0F F0 0F F0 0F F0 00 00 01 expected");
            }
        }
        ByteBuffer buf = ByteBuffer.wrap(b);
        int at = MAGIC.length;
        for (char key = 'a'; key <= 'd'; key++) {
            if (at + 3 > b.length || b[at] != key) {
                throw new DeviceException(name + ": byte " + at + ": header field '" + key + "' expected");
            }
            at += 3 + (buf.getShort(at + 1) & 0xFFFF);
        }
        if (at + 5 > b.length || b[at] != 'e') {
            throw new DeviceException(name + ": byte " + at + ": header field 'e' (data length) expected");
        }
        long length = buf.getInt(at + 1) & 0xFFFF_FFFFL;
        int data = at + 5;
        if (data + length != b.length) {
            throw new DeviceException(name + ": byte " + (at + 1) + ": data length " + length + " does not end at the end"
                    + " of the file (" + (b.length - data) + " bytes follow the header)");
        }
        if (indexOf(b, SYNC, data) < 0) {
            throw new DeviceException(name + ": byte " + data + ": no sync word AA 99 55 66 in the configuration data");
        }
    }

    private static int indexOf(byte[] b, byte[] pattern, int from) {
        outer:
        for (int i = from; i <= b.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (b[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
