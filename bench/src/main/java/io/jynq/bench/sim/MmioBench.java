package io.jynq.bench.sim;

import io.jynq.mmio.Mmio;
import java.io.IOException;
import java.nio.MappedByteBuffer;
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
    private MappedRegisterFile regs;
    private int value;

    @Setup
    public void setUp() throws IOException {
        board = new BenchBoard(64);
        plain = board.overlay.ip("add_0").mmio();
        model = board.overlay.ip("axi_gpio_0").mmio();
        regs = new MappedRegisterFile();
        file = regs.mmio();
        raw = regs.map();
    }

    @TearDown
    public void tearDown() throws IOException {
        board.close();
        regs.close();
    }

    @Benchmark
    public int plainRead32(CpuShare cpu) {
        return plain.read32(0x18);
    }

    @Benchmark
    public void plainWrite32(CpuShare cpu) {
        plain.write32(0x18, value++);
    }

    @Benchmark
    public int fileRead32(CpuShare cpu) {
        return file.read32(0x40);
    }

    @Benchmark
    public void fileWrite32(CpuShare cpu) {
        file.write32(0x40, value++);
    }

    /** Reference: the same mapped file without Mmio, to show what the public API adds. */
    @Benchmark
    public int rawFileRead32(CpuShare cpu) {
        return raw.getInt(0x40);
    }

    /** Reference: the same mapped file without Mmio. */
    @Benchmark
    public void rawFileWrite32(CpuShare cpu) {
        raw.putInt(0x40, value++);
    }

    @Benchmark
    public int modelRead32(CpuShare cpu) {
        return model.read32(0x0);
    }

    @Benchmark
    public void modelWrite32(CpuShare cpu) {
        model.write32(0x0, value++ & 0xF);
    }
}
