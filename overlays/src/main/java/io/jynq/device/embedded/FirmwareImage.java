package io.jynq.device.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The bytes FPGA Manager loads for a bitstream file: a {@code .bin} as it is; a {@code .bit}
 * without its header and with every 32-bit word byte-swapped (PYNQ's {@code bit2bin}).
 */
final class FirmwareImage {
    private FirmwareImage() {}

    /**
     * @throws IllegalArgumentException if the file is neither {@code .bit} nor {@code .bin}
     * @throws UncheckedIOException if it cannot be read
     */
    static byte[] binOf(Path bitstream) {
        String name = bitstream.getFileName().toString();
        try {
            if (name.endsWith(".bin")) {
                return Files.readAllBytes(bitstream);
            }
            if (name.endsWith(".bit")) {
                throw new IllegalArgumentException(".bit conversion is not available yet in this build: give the .bin of "
                        + bitstream + " (./jynq bit " + name + " --bin OUT.bin)");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read bitstream " + bitstream, e);
        }
        throw new IllegalArgumentException("bitstream " + bitstream + " is neither a .bit nor a .bin file");
    }

    /** The file name FPGA Manager is given: the bitstream's stem plus {@code .bin}. */
    static String firmwareName(Path bitstream) {
        String name = bitstream.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return (dot > 0 ? name.substring(0, dot) : name) + ".bin";
    }
}
