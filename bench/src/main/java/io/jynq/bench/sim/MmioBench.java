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
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * 32-bit MMIO read and write through the public {@link Mmio} API (offset and alignment checks
 * included). Target: at most 5 ns per operation (PYNQ: about 400 ns). "plain" is a register of an
 * IP the simulator keeps as a plain register file (an mmap'ed window of its state file); "file" is
 * a 4 KiB file this benchmark maps itself; "model" is AXI GPIO's DATA register, which goes through
 * the GPIO model under the PL lock, for comparison; "rawFile" reads and writes the mapped file
 * without {@code Mmio}, the floor the public API is measured against.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
public class MmioBench {
    private BenchBoard board;
    private Mmio plain;
    private Mmio file;
    private Mmio model;
    private MappedByteBuffer raw;
    private Path fileDir;
    private int value;

    @Setup
    public void setUp() throws IOException {
        board = new BenchBoard(64);
        plain = board.overlay.ip("add_0").mmio();
        model = board.overlay.ip("axi_gpio_0").mmio();
        fileDir = Files.createTempDirectory("jynq-mmio");
        Path f = fileDir.resolve("regs.bin");
        try (FileChannel ch = FileChannel.open(f, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            MappedByteBuffer map = ch.map(FileChannel.MapMode.READ_WRITE, 0, 4096);
            map.order(ByteOrder.LITTLE_ENDIAN);
            file = new Mmio(new FileSpace(map), "regs.bin");
            raw = map;
        }
    }

    @TearDown
    public void tearDown() throws IOException {
        board.close();
        Files.deleteIfExists(fileDir.resolve("regs.bin"));
        Files.deleteIfExists(fileDir);
    }

    @Benchmark
    public int plainRead32() {
        return plain.read32(0x18);
    }

    @Benchmark
    public void plainWrite32() {
        plain.write32(0x18, value++);
    }

    @Benchmark
    public int fileRead32() {
        return file.read32(0x40);
    }

    @Benchmark
    public void fileWrite32() {
        file.write32(0x40, value++);
    }

    /** Reference: the same mapped file without Mmio, to show what the public API adds. */
    @Benchmark
    public int rawFileRead32() {
        return raw.getInt(0x40);
    }

    /** Reference: the same mapped file without Mmio. */
    @Benchmark
    public void rawFileWrite32() {
        raw.putInt(0x40, value++);
    }

    @Benchmark
    public int modelRead32() {
        return model.read32(0x0);
    }

    @Benchmark
    public void modelWrite32() {
        model.write32(0x0, value++ & 0xF);
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
