package io.jynq.bench.rtl;

import io.jynq.mmio.Mmio;
import java.util.Map;
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
 * AXI4-Lite register reads and writes per second through {@code Mmio} on an RTL slave (JYNQ's
 * HLS-style adder bound to {@code add_0}): one JNA direct call per access, the handshake in C.
 * Target: at least 1 M/s (issue 18; cocotb-pynq with iverilog: about 4.8 k/s).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Thread)
public class RtlMmioBench {
    private RtlBenchBoard board;
    private Mmio add;
    private int i;

    @Setup
    public void setUp() {
        board = new RtlBenchBoard(64);
        board.device.rtl("add_0", board.core("rtl_add.core"), "sim", Map.of(), Map.of());
        add = new Mmio(board.device, 0x43C1_0000L, 0x10000, "add_0");
    }

    @TearDown
    public void tearDown() {
        board.close();
    }

    @Benchmark
    public int read32() {
        return add.read32(0x18);
    }

    @Benchmark
    public void write32() {
        add.write32(0x18, i++);
    }
}
