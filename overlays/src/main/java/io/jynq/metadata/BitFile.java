package io.jynq.metadata;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * A Xilinx {@code .bit} bitstream: its header and the conversion of its data section to the
 * {@code .bin} that Linux FPGA Manager loads (every 32-bit word byte-swapped, no header).
 *
 * <p>Header layout (all integers big-endian), as PYNQ's {@code parse_bit_header} reads it: a
 * {@code u16} length 9 and the 9 bytes {@code 0F F0 0F F0 0F F0 0F F0 00}; a {@code u16} 1; then
 * fields {@code u8 key}, for keys {@code 'a'..'d'} a {@code u16} length and that many ASCII bytes
 * ending in NUL ({@code a} = {@code design;UserID=...;Version=2018.3}, {@code b} part,
 * {@code c} date, {@code d} time), until key {@code 'e'}: a {@code u32} data length, then the data
 * to the end of the file. For the PYNQ-Z1 base overlay the data starts at byte 108.
 *
 * @param source the file name as given, for messages
 * @param path the file, or null when parsed from bytes
 * @param design the design name (first {@code ;} part of field a), e.g. {@code base_wrapper}
 * @param version the last {@code ;} part of field a, as PYNQ keeps it: {@code Version=2018.3}
 * @param part the target part, e.g. {@code 7z020clg400}
 * @param date build date, e.g. {@code 2019/01/23}
 * @param time build time, e.g. {@code 15:27:38}
 * @param dataOffset byte offset of the configuration data in the file
 * @param dataLength length of the configuration data in bytes (a multiple of 4)
 */
public record BitFile(String source, Path path, String design, String version, String part, String date,
        String time, long dataOffset, long dataLength) {

    /** Header bytes read from a file before giving up: four fields of at most 64 KiB each. */
    private static final int MAX_HEADER = 4 * 65_540 + 32;
    private static final int CHUNK = 256 * 1024;
    /** One reusable 256 KiB direct buffer per converting thread: no allocation per conversion. */
    /** Bytes of the data mapped at once: 1 GiB, a multiple of {@link #CHUNK} and of 4. */
    static final long MAP_WINDOW = 1L << 30;
    private static final ThreadLocal<ByteBuffer> CHUNK_BUFFER =
            ThreadLocal.withInitial(() -> ByteBuffer.allocateDirect(CHUNK).order(ByteOrder.LITTLE_ENDIAN));

    /**
     * Reads the header of a {@code .bit} file (not its data).
     *
     * @throws MetadataException naming the file and byte offset: bad sync header, truncated
     *     header, unknown field key, non-ASCII text, or a data length that does not reach
     *     exactly the end of the file or is not a multiple of 4 bytes
     * @throws UncheckedIOException when the file cannot be read
     */
    public static BitFile read(Path file) {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            // Real headers are about 100 bytes: read 4 KiB, and the most a header can take only if needed.
            int first = (int) Math.min(size, 4096);
            try {
                return BitHeader.parse(readHead(ch, first), size, file.toString(), file);
            } catch (BitHeader.NeedMore more) {
                try {
                    return BitHeader.parse(readHead(ch, (int) Math.min(size, MAX_HEADER)), size, file.toString(), file);
                } catch (BitHeader.NeedMore tooLong) {
                    throw MetadataException.atByte(file.toString(), MAX_HEADER, "header longer than " + MAX_HEADER
                            + " bytes (repeated fields?); expected fields a..d then e within it");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static ByteBuffer readHead(FileChannel ch, int n) throws IOException {
        ByteBuffer head = ByteBuffer.allocate(n);
        while (head.hasRemaining() && ch.read(head, head.position()) >= 0) {
            // read until the buffer is full or EOF
        }
        head.flip();
        return head;
    }

    /**
     * Parses the header of {@code .bit} content held in memory.
     *
     * @param content the whole file
     * @param name the file name for messages
     * @throws MetadataException as {@link #read(Path)}
     */
    public static BitFile parse(byte[] content, String name) {
        return BitHeader.parse(ByteBuffer.wrap(content), content.length, name, null);
    }

    /** The tool version without PYNQ's {@code Version=} prefix, e.g. {@code 2018.3}. */
    public String toolVersion() {
        return version.startsWith("Version=") ? version.substring(8) : version;
    }

    /**
     * Writes the {@code .bin} for FPGA Manager to {@code out}, streaming: the {@code .bit} data is
     * memory-mapped a window at a time and swapped through one 256 KiB buffer, so neither file is
     * ever held whole on the Java heap, whatever its length. The bytes go to a temporary file
     * beside {@code out} that is renamed over it only when complete, so a failure leaves an
     * existing {@code out} as it was.
     *
     * @throws IllegalArgumentException if {@code out} is this {@code .bit} file itself (issue 14:
     *     {@code --bin X.bit} truncated the input to 0 bytes)
     * @throws IllegalStateException if this BitFile was parsed from bytes (no path)
     * @throws MetadataException if the file changed since its header was read (shorter data)
     * @throws UncheckedIOException on read or write failure
     */
    public void writeBin(Path out) {
        if (path == null) {
            throw new IllegalStateException("BitFile " + source + " was parsed from bytes; use toBin(byte[], String)");
        }
        Path target = out.toAbsolutePath().normalize();
        try {
            if (target.equals(path.toAbsolutePath().normalize()) || (Files.exists(target) && Files.isSameFile(target, path))) {
                throw new IllegalArgumentException("refusing to write the .bin over its own input " + out
                        + "; name another output file");
            }
            Path dir = target.getParent();
            Path tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
            try {
                try (FileChannel dst = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                    writeBin(dst);
                }
                try {
                    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + out + ": " + e.getMessage(), e);
        }
    }

    /**
     * Streams the {@code .bin} (data section, each 32-bit word byte-swapped) into a channel.
     *
     * @return the number of bytes written, {@link #dataLength()}
     * @throws IllegalStateException if this BitFile was parsed from bytes (no path)
     * @throws MetadataException if the file is shorter than its header says
     * @throws UncheckedIOException on read or write failure
     */
    public long writeBin(WritableByteChannel out) {
        if (path == null) {
            throw new IllegalStateException("BitFile " + source + " was parsed from bytes; use toBin(byte[], String)");
        }
        ByteBuffer dst = CHUNK_BUFFER.get();
        try (FileChannel in = FileChannel.open(path, StandardOpenOption.READ)) {
            if (in.size() < dataOffset + dataLength) {
                throw MetadataException.atByte(source, in.size(), "file ended inside the bitstream data; expected "
                        + dataLength + " data bytes from byte " + dataOffset + " (changed since its header was read?)");
            }
            // The data is mapped, not read: the only copy made is the swapped chunk on its way out.
            // One mapping holds at most 2 GiB, so longer data is mapped a window at a time.
            for (long done = 0; done < dataLength; ) {
                ByteBuffer data = in.map(FileChannel.MapMode.READ_ONLY, dataOffset + done,
                        Math.min(MAP_WINDOW, dataLength - done));
                done += data.capacity();
                while (data.hasRemaining()) {
                    ByteBuffer chunk = data.slice(data.position(), Math.min(CHUNK, data.remaining()));
                    dst.clear();
                    swapWords(chunk, dst);
                    data.position(data.position() + chunk.capacity());
                    dst.flip();
                    while (dst.hasRemaining()) {
                        out.write(dst);
                    }
                }
            }
            return dataLength;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot convert " + source + ": " + e.getMessage(), e);
        }
    }

    /**
     * The {@code .bin} of in-memory {@code .bit} content: one new array of the data length.
     *
     * @throws MetadataException as {@link #parse(byte[], String)}
     */
    public static byte[] toBin(byte[] content, String name) {
        BitFile h = parse(content, name);
        byte[] bin = new byte[(int) h.dataLength];
        swapWords(ByteBuffer.wrap(content, (int) h.dataOffset, (int) h.dataLength).slice(), ByteBuffer.wrap(bin));
        return bin;
    }

    /**
     * Copies big-endian 32-bit words from {@code src} to {@code dst} in little-endian order: the
     * int views of different byte order let the JDK use its byte-swapping bulk copy.
     */
    static void swapWords(ByteBuffer src, ByteBuffer dst) {
        src.order(ByteOrder.BIG_ENDIAN);
        dst.order(ByteOrder.LITTLE_ENDIAN);
        int words = src.remaining() / 4;
        dst.asIntBuffer().put(src.asIntBuffer().limit(words));
        src.position(src.position() + words * 4);
        dst.position(dst.position() + words * 4);
    }

    @Override
    public String toString() {
        return "BitFile[" + source + ", " + design + ", " + part + ", " + version + ", " + date + " " + time + ", "
                + dataLength + " data bytes at " + dataOffset + "]";
    }
}
