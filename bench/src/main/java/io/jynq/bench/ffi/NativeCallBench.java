package io.jynq.bench.ffi;

import io.jynq.device.DeviceMemory;
import io.jynq.device.sim.SimConfig;
import io.jynq.device.sim.SimDevice;
import io.jynq.ffi.cc.CCompiler;
import io.jynq.ffi.cc.CompiledLibrary;
import io.jynq.ffi.cheader.CFunction;
import io.jynq.ffi.cheader.CLibrary;
import io.jynq.ffi.isolate.Isolated;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Round trip of a C call in process (JNA) and isolated (JYNQ's helper process). Targets (issue
 * 13): isolated {@code add} at most 20 µs median, in-process at most 1 µs; isolated checksum over
 * 1 MiB at most 1.2x the in-process time. SampleTime mode, so JMH prints the median (p0.50).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class NativeCallBench {
    static final String SOURCE = """
            int add(int a, int b) { return a + b; }
            uint32_t checksum(const uint8_t *data, size_t len) {
                uint32_t s = 0;
                for (size_t i = 0; i < len; i++) s = s * 31u + data[i];
                return s;
            }
            """;

    Path dir;
    SimDevice device;
    DeviceMemory buffer;
    CLibrary inProcess;
    CLibrary isolated;
    CFunction addIn;
    CFunction addIso;
    CFunction sumIn;
    CFunction sumIso;

    @Setup
    public void setUp() throws IOException {
        dir = Files.createTempDirectory("jynq-bench-native");
        device = SimDevice.open(SimConfig.at(dir.resolve("board")));
        buffer = device.allocate(1 << 20, 4096, false);
        for (int i = 0; i < (1 << 20); i++) {
            buffer.buffer().put(i, (byte) (i * 7));
        }
        CCompiler cc = new CCompiler(dir.resolve("cc"), "gcc", Duration.ofMinutes(2));
        CompiledLibrary built = cc.compile("bench.c", SOURCE, List.of());
        inProcess = built.load();
        isolated = Isolated.load(built, cc);
        addIn = inProcess.function("add");
        addIso = isolated.function("add");
        sumIn = inProcess.function("checksum");
        sumIso = isolated.function("checksum");
        if (!sumIn.invoke(buffer, 1L << 20).equals(sumIso.invoke(buffer, 1L << 20))) {
            throw new IllegalStateException("the isolated checksum differs from the in-process one");
        }
    }

    @TearDown
    public void tearDown() throws IOException {
        inProcess.close();
        isolated.close();
        buffer.close();
        device.close();
        try (var s = Files.walk(dir)) {
            s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Benchmark
    public Object addInProcess() {
        return addIn.invoke(2, 3);
    }

    @Benchmark
    public Object addIsolated() {
        return addIso.invoke(2, 3);
    }

    @Benchmark
    public Object checksum1MiBInProcess() {
        return sumIn.invoke(buffer, 1L << 20);
    }

    @Benchmark
    public Object checksum1MiBIsolated() {
        return sumIso.invoke(buffer, 1L << 20);
    }
}
