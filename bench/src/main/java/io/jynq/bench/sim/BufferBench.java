package io.jynq.bench.sim;

import io.jynq.buffer.Buffers;
import io.jynq.buffer.DType;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/** Allocate and close a 4 KiB contiguous buffer on the simulated board. Target: at most 2 µs. */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
public class BufferBench {
    private static final long[] SHAPE = {1024};
    private BenchBoard board;

    @Setup
    public void setUp() {
        board = new BenchBoard(64);
    }

    @TearDown
    public void tearDown() {
        board.close();
    }

    @Benchmark
    public long allocateAndClose4KiB() {
        var b = Buffers.allocate(board.device, SHAPE, DType.U4, false);
        long pa = b.physicalAddress();
        b.close();
        return pa;
    }
}
