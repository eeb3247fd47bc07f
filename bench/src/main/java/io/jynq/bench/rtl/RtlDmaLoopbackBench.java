package io.jynq.bench.rtl;

import io.jynq.buffer.Buffers;
import io.jynq.buffer.ContiguousBuffer;
import io.jynq.buffer.DType;
import io.jynq.drivers.dma.AxiDma;
import java.time.Duration;
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
 * A DMA loopback of 1 Mi 32-bit beats (4 MiB) through JYNQ's RTL stream scaler bound to
 * {@code fir_0}, cycle-accurate (one beat per cycle at most, TLAST on the last), MM2S from and S2MM
 * into simulated DDR. Beats per second = 1,048,576 / the time per operation. Target: at least 4 M
 * beats/s (issue 18), i.e. at most 262 ms per operation.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Thread)
public class RtlDmaLoopbackBench {
    static final int BEATS = 1 << 20;
    private RtlBenchBoard board;
    private AxiDma dma;
    private ContiguousBuffer in;
    private ContiguousBuffer out;

    @Setup
    public void setUp() {
        board = new RtlBenchBoard(64);
        board.device.rtl("fir_0", board.core("rtl_scaler.core"), "sim", Map.of(), Map.of());
        dma = board.overlay.ip("axi_dma_0", AxiDma.class);
        in = Buffers.allocate(board.device, new long[] {BEATS}, DType.INT32, false);
        out = Buffers.allocate(board.device, new long[] {BEATS}, DType.INT32, false);
        for (int i = 0; i < BEATS; i += 1024) {
            in.setInt(i, i);
        }
    }

    @TearDown
    public void tearDown() {
        in.close();
        out.close();
        board.close();
    }

    @Benchmark
    public long loopback1MiBeats() {
        dma.recvChannel().transfer(out);
        dma.sendChannel().transfer(in);
        dma.recvChannel().await(Duration.ofMinutes(1));
        return dma.recvChannel().transferred();
    }
}
