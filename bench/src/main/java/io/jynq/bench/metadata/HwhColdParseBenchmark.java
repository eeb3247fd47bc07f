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
 *
 * <p>Three JVM configurations, because the cold figure is decided by the JIT more than by the
 * parser: {@link #firstParse} with the JVM's defaults, {@link #firstParseCliJvm} with the options
 * {@code ./jynq hwh} runs with (C1 only, serial GC: the launcher's {@code CLI_JVM_OPTS}), and
 * {@link #firstParseKernelJvm} with the kernel's collector (the kernel keeps C2 for MMIO and
 * DMA loops).
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
@Fork(10)
public class HwhColdParseBenchmark {

    @Benchmark
    public OverlayMetadata firstParse(CpuClock cpu) {
        return parse(cpu);
    }

    @Benchmark
    @Fork(value = 10, jvmArgsAppend = {"-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"})
    public OverlayMetadata firstParseCliJvm(CpuClock cpu) {
        return parse(cpu);
    }

    @Benchmark
    @Fork(value = 10, jvmArgsAppend = {"-XX:+UseSerialGC"})
    public OverlayMetadata firstParseKernelJvm(CpuClock cpu) {
        return parse(cpu);
    }

    private static OverlayMetadata parse(CpuClock cpu) {
        long t = cpu.start();
        OverlayMetadata md = HwhParser.parse(SharedFiles.testdata("hwh/pynqz1_base.hwh"));
        cpu.stop(t);
        return md;
    }
}
