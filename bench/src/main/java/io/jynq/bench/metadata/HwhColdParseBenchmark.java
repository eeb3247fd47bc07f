package io.jynq.bench.metadata;

import io.jynq.metadata.HwhParser;
import io.jynq.metadata.OverlayMetadata;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The first parse of {@code pynqz1_base.hwh} in a fresh JVM (class loading, interpreter, first
 * JIT tiers, file read included): one shot per fork, 10 forks. Target: at most 150 ms.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
@Fork(10)
public class HwhColdParseBenchmark {

    @Benchmark
    public OverlayMetadata firstParse(CpuClock cpu) {
        long t = cpu.start();
        OverlayMetadata md = HwhParser.parse(SharedFiles.testdata("hwh/pynqz1_base.hwh"));
        cpu.stop(t);
        return md;
    }
}
