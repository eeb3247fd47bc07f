package io.jynq.bench.metadata;

import io.jynq.metadata.HwhParser;
import io.jynq.metadata.OverlayMetadata;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Warm parse of a real {@code .hwh} into full metadata (every register and field, PYNQ's
 * dictionaries, modules, nets, connections). Target for {@code pynqz1_base.hwh} (3.3 MB): at
 * most 15 ms; PYNQ's legacy parser takes 287 ms on this kind of machine.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 10, time = 2) // C2 needs longer when the 2 cores are shared
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class HwhParseBenchmark {

    @Param({"pynqz1_base.hwh"})
    public String file;

    private Path path;
    private byte[] content;

    @Setup
    public void load() throws IOException {
        path = SharedFiles.testdata("hwh/" + file);
        content = Files.readAllBytes(path);
    }

    /** Parse from bytes already in memory. */
    @Benchmark
    public OverlayMetadata parseBytes(CpuClock cpu) {
        long t = cpu.start();
        OverlayMetadata md = HwhParser.parse(content, file);
        cpu.stop(t);
        return md;
    }

    /** Read the file (page cache) and parse: what {@code Overlay} does on load. */
    @Benchmark
    public OverlayMetadata parseFile(CpuClock cpu) {
        long t = cpu.start();
        OverlayMetadata md = HwhParser.parse(path);
        cpu.stop(t);
        return md;
    }
}
