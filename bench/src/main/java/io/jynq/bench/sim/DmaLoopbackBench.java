package io.jynq.bench.sim;

import io.jynq.buffer.Buffers;
import io.jynq.buffer.ContiguousBuffer;
import io.jynq.buffer.DType;
import io.jynq.drivers.dma.AxiDma;
import java.nio.ByteBuffer;
import java.time.Duration;
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
 * DMA loopback of 64 MiB with no filter (MM2S wired straight to S2MM) against a plain copy of the
 * same 64 MiB between the same two buffers, in the same run. The loopback is two 32 MiB
 * packets, since one simple-mode transfer is limited to 2^26 - 1 bytes. Target: the loopback at least half
 * the copy's throughput, i.e. {@code dmaLoopback64MiB} at most twice {@code memoryCopy64MiB}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Thread)
public class DmaLoopbackBench {
    private static final int BYTES = 64 << 20;
    /** Half of it: one transfer moves at most 2^26 - 1 bytes (C_SG_LENGTH_WIDTH = 26), just under 64 MiB. */
    private static final int CHUNK = BYTES / 2;
    private BenchBoard board;
    private AxiDma dma;
    private ContiguousBuffer in;
    private ContiguousBuffer out;
    private ByteBuffer src;
    private ByteBuffer dst;

    @Setup
    public void setUp() {
        board = new BenchBoard(256);
        dma = board.overlay.ip("axi_dma_0", AxiDma.class);
        in = Buffers.allocate(board.device, new long[] {BYTES / 4}, DType.U4, false);
        out = Buffers.allocate(board.device, new long[] {BYTES / 4}, DType.U4, false);
        for (int i = 0; i < BYTES / 4; i += 1024) {
            in.setInt(i, i);
        }
        src = in.byteBuffer();
        dst = out.byteBuffer();
    }

    @TearDown
    public void tearDown() {
        in.close();
        out.close();
        board.close();
    }

    @Benchmark
    public long dmaLoopback64MiB() {
        long moved = 0;
        for (long off = 0; off < BYTES; off += CHUNK) {
            dma.recvChannel().transfer(out, off, CHUNK);
            dma.sendChannel().transfer(in, off, CHUNK);
            dma.sendChannel().await(Duration.ofSeconds(10));
            dma.recvChannel().await(Duration.ofSeconds(10));
            moved += dma.recvChannel().transferred();
        }
        return moved;
    }

    @Benchmark
    public int memoryCopy64MiB() {
        dst.clear();
        src.clear();
        dst.put(src);
        return dst.position();
    }
}
