package io.jynq.bench.metadata;

import io.jynq.metadata.BitFile;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * {@code .bit} to {@code .bin} for the 4 MB {@code pynqz1_base.bit}. Target: at most 3 ms warm
 * (PYNQ's {@code bit2bin}: 5.5 ms).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class Bit2BinBenchmark {

    private Path bit;
    private byte[] content;
    private Blackhole sink;

    @Setup
    public void load(Blackhole bh) throws IOException {
        bit = SharedFiles.testdata("bit/pynqz1_base.bit");
        content = Files.readAllBytes(bit);
        sink = bh;
    }

    /** Header read plus streaming conversion from the file (page cache) into a channel that consumes it. */
    @Benchmark
    public long streamFromFile(CpuClock cpu) {
        long t = cpu.start();
        long n = BitFile.read(bit).writeBin(discard);
        cpu.stop(t);
        return n;
    }

    private final WritableByteChannel discard = new WritableByteChannel() {
        @Override
        public int write(ByteBuffer src) {
            int n = src.remaining();
            sink.consume(src.get(src.limit() - 1));
            src.position(src.limit());
            return n;
        }

        @Override
        public boolean isOpen() {
            return true;
        }

        @Override
        public void close() {
        }
    };

    /** PYNQ's bit2bin shape: bytes in memory to a new .bin array. */
    @Benchmark
    public byte[] inMemory(CpuClock cpu) {
        long t = cpu.start();
        byte[] bin = BitFile.toBin(content, "pynqz1_base.bit");
        cpu.stop(t);
        return bin;
    }
}
