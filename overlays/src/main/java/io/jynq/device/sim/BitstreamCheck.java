package io.jynq.device.sim;

import io.jynq.device.DeviceException;
import io.jynq.metadata.BitFile;
import io.jynq.metadata.MetadataException;
import java.io.IOException;
import java.io.UncheckedIOException;
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
        String name = file.getFileName().toString();
        try {
            long size = Files.size(file);
            long from = 0;
            if (!name.endsWith(".bin")) {
                BitFile header;
                try {
                    header = BitFile.read(file);  // the header only, checked against the file's size
                } catch (MetadataException e) {
                    throw new DeviceException(e.getMessage(), e);
                }
                from = header.dataOffset();
            } else if (size == 0 || size % 4 != 0) {
                throw new DeviceException(name + ": a .bin must be whole 32-bit words, got " + size + " bytes");
            }
            // The sync word comes within the first words of the configuration: look at 1 MiB of it
            // rather than reading a bitstream of any size whole (issue 14: a 3 GB one ran out of memory).
            byte[] head = new byte[(int) Math.min(size - from, SYNC_WINDOW)];
            try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(file)) {
                java.nio.ByteBuffer bb = java.nio.ByteBuffer.wrap(head);
                while (bb.hasRemaining() && ch.read(bb, from + bb.position()) >= 0) {
                    // read until full or EOF
                }
            }
            byte[] sync = name.endsWith(".bin") ? SYNC_SWAPPED : SYNC;
            if (indexOf(head, sync, 0) < 0) {
                throw new DeviceException(name.endsWith(".bin")
                        ? name + ": no sync word 66 55 99 AA in the .bin; not a Xilinx configuration"
                        : name + ": byte " + from + ": no sync word AA 99 55 66 in the configuration data");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read bitstream " + file, e);
        }
    }

    /** Bytes of configuration data searched for the sync word: 1 MiB. */
    static final int SYNC_WINDOW = 1 << 20;

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
