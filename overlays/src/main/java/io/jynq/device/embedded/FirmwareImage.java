package io.jynq.device.embedded;

import io.jynq.metadata.BitFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * What FPGA Manager loads for a bitstream file: a {@code .bin} as it is; for a {@code .bit}, its
 * data section with every 32-bit word byte-swapped ({@link BitFile#writeBin}, PYNQ's
 * {@code bit2bin}). The {@code .bit} header is read and checked when the image is made, before the
 * board is touched.
 *
 * @param source the bitstream file
 * @param bit the parsed header of a {@code .bit}, or null for a {@code .bin}
 */
record FirmwareImage(Path source, BitFile bit) {

    /**
     * @throws IllegalArgumentException if the file is neither {@code .bit} nor {@code .bin}
     * @throws io.jynq.metadata.MetadataException if a {@code .bit} header is malformed (file and byte offset named)
     * @throws UncheckedIOException if it cannot be read
     */
    static FirmwareImage of(Path bitstream) {
        String name = bitstream.getFileName().toString();
        if (name.endsWith(".bin")) {
            return new FirmwareImage(bitstream, null);
        }
        if (name.endsWith(".bit")) {
            return new FirmwareImage(bitstream, BitFile.read(bitstream));
        }
        throw new IllegalArgumentException("bitstream " + bitstream + " is neither a .bit nor a .bin file");
    }

    /** Writes the image FPGA Manager loads to {@code out} (created or replaced). */
    void writeTo(Path out) {
        if (bit != null) {
            bit.writeBin(out);
            return;
        }
        try {
            Files.copy(source, out, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + source + " to " + out, e);
        }
    }

    /** The file name FPGA Manager is given: the bitstream's stem plus {@code .bin}. */
    String firmwareName() {
        String name = source.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return (dot > 0 ? name.substring(0, dot) : name) + ".bin";
    }
}
