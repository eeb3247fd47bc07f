package io.jynq.bench.sim;

import io.jynq.device.RegisterSpace;
import io.jynq.mmio.Mmio;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A 4 KiB file in a temporary folder, memory-mapped little-endian and wrapped in an {@link Mmio}
 * as a board backend's window over {@code /dev/mem} would be: the "file" register window of the
 * MMIO benchmarks. {@link #close()} deletes the file and its folder.
 */
final class MappedRegisterFile implements AutoCloseable {
    private static final String NAME = "regs.bin";
    private final Path dir;
    private final MappedByteBuffer map;
    private final Mmio mmio;

    MappedRegisterFile() throws IOException {
        dir = Files.createTempDirectory("jynq-mmio");
        try (FileChannel ch = FileChannel.open(dir.resolve(NAME), StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE)) {
            map = ch.map(FileChannel.MapMode.READ_WRITE, 0, 4096);
        }
        map.order(ByteOrder.LITTLE_ENDIAN);
        mmio = new Mmio(new FileSpace(map), NAME);
    }

    /** The mapping itself, for the floor measured without {@code Mmio}. */
    MappedByteBuffer map() {
        return map;
    }

    Mmio mmio() {
        return mmio;
    }

    @Override
    public void close() throws IOException {
        Files.deleteIfExists(dir.resolve(NAME));
        Files.deleteIfExists(dir);
    }

    /** A register window over a memory-mapped file, as a board backend over /dev/mem would be. */
    static final class FileSpace implements RegisterSpace {
        private final MappedByteBuffer buf;

        FileSpace(MappedByteBuffer buf) {
            this.buf = buf;
        }

        @Override
        public long physicalAddress() {
            return 0x4000_0000L;
        }

        @Override
        public long byteSize() {
            return buf.capacity();
        }

        @Override
        public byte read8(long offset) {
            return buf.get((int) offset);
        }

        @Override
        public short read16(long offset) {
            return buf.getShort((int) offset);
        }

        @Override
        public int read32(long offset) {
            return buf.getInt((int) offset);
        }

        @Override
        public long read64(long offset) {
            return buf.getLong((int) offset);
        }

        @Override
        public void write8(long offset, byte value) {
            buf.put((int) offset, value);
        }

        @Override
        public void write16(long offset, short value) {
            buf.putShort((int) offset, value);
        }

        @Override
        public void write32(long offset, int value) {
            buf.putInt((int) offset, value);
        }

        @Override
        public void write64(long offset, long value) {
            buf.putLong((int) offset, value);
        }
    }
}
