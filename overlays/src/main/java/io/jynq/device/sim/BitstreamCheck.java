package io.jynq.device.sim;

import io.jynq.device.DeviceException;
import java.io.IOException;
import java.io.UncheckedIOException;
import io.jynq.metadata.BitFile;
import io.jynq.metadata.MetadataException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What the simulated board checks of a bitstream before "programming": a {@code .bit} must have
 * Xilinx's header as {@link BitFile} reads it (PYNQ's {@code parse_bit_header} rules: the data
 * length ends exactly at the end of the file) and a configuration containing the sync word
 * {@code AA 99 55 66}; a {@code .bin} must be whole 32-bit words containing the byte-swapped sync
 * word {@code 66 55 99 AA}.
 */
final class BitstreamCheck {
    private static final byte[] SYNC = {(byte) 0xAA, (byte) 0x99, 0x55, 0x66};
    private static final byte[] SYNC_SWAPPED = {0x66, 0x55, (byte) 0x99, (byte) 0xAA};

    private BitstreamCheck() {}

    /**
     * @throws DeviceException naming the file and byte offset of the first problem
     * @throws UncheckedIOException if the file cannot be read
     */
    static void check(Path file) {
        byte[] b;
        try {
            b = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read bitstream " + file, e);
        }
        check(b, file.getFileName().toString());
    }

    /**
     * Checks bitstream content; {@code name} ending in {@code .bin} selects the raw format.
     *
     * @throws DeviceException naming {@code name} and the byte offset of the first problem
     */
    static void check(byte[] b, String name) {
        if (name.endsWith(".bin")) {
            if (b.length == 0 || b.length % 4 != 0) {
                throw new DeviceException(name + ": a .bin must be whole 32-bit words, got " + b.length + " bytes");
            }
            if (indexOf(b, SYNC_SWAPPED, 0) < 0) {
                throw new DeviceException(name + ": no sync word 66 55 99 AA in the .bin; not a Xilinx configuration");
            }
            return;
        }
        BitFile header;
        try {
            header = BitFile.parse(b, name);
        } catch (MetadataException e) {
            throw new DeviceException(e.getMessage(), e);
        }
        int data = (int) header.dataOffset();
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
