package io.jynq.bench.remote;

import io.jynq.device.DeviceMemory;
import io.jynq.device.RegisterSpace;
import io.jynq.device.sim.SimConfig;
import io.jynq.device.sim.SimDevice;
import io.jynq.overlay.LoadOptions;
import io.jynq.overlay.Overlay;
import io.jynq.remote.client.BoardAddress;
import io.jynq.remote.client.BoardConnection;
import io.jynq.remote.client.RegisterBatch;
import io.jynq.remote.client.RemoteDevice;
import io.jynq.remote.client.RemoteRegisterSpace;
import io.jynq.remote.server.BoardServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The remote backend against a JYNQ board server on loopback, serving a simulated board with
 * {@code dsp_loopback} loaded. Targets (issue 17): a 32-bit MMIO read round trip, median ≤ 100 µs;
 * a D2L-style operation of 8 register writes and a read, ≤ 150 µs in one round trip; a 64 MiB
 * buffer flush plus invalidate at ≥ 1 GB/s. {@code extensions=false} serves PYNQ.remote's three
 * services only, as a stock board: the batch then costs 9 round trips and buffers move whole.
 * Run: {@code ./jynq bench remote}; the sample-time figures give the median as p0.50. After each
 * iteration {@link ProcessCpu} prints the CPU time per operation of client and server together,
 * the figure that holds on a loaded machine where wall time measures the queue for a core.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
// long warm-up: a round trip runs through much gRPC/Netty code, and on a loaded machine a 2 s
// iteration holds only a few hundred calls, so C2 is still compiling after 3 (CPU per op fell
// from 1.6 ms to 0.2 ms over 5 warm-up iterations at load 29)
@Warmup(iterations = 8, time = 2)
@Measurement(iterations = 5, time = 2)
public class RemoteBench {
    private static final long BRAM = 0x4000_0000L;

    @Param({"true", "false"})
    public boolean extensions;

    private Path dir;
    private SimDevice sim;
    private BoardServer server;
    private RemoteDevice remote;
    private RegisterSpace bram;
    private DeviceMemory buffer;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        dir = Files.createTempDirectory("jynq-bench-remote");
        System.setProperty("jynq.cache.dir", dir.resolve("cache").toString());
        sim = SimDevice.open(SimConfig.at(dir.resolve("board")).withDdrBytes(256L << 20));
        server = BoardServer.start(sim, BoardServer.Options.loopback(dir.resolve("root")).withExtensions(extensions));
        remote = RemoteDevice.connect(new BoardAddress("127.0.0.1", server.port()), BoardConnection.Settings.PLAIN);
        Overlay.load("dsp_loopback", LoadOptions.defaults().withDevice(remote));
        bram = remote.map(BRAM, 0x2000);
        buffer = remote.allocate(64L << 20, 4096, true);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        remote.close();
        server.close();
        sim.close();
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (UncheckedIOException e) {
            // a leftover temporary directory is harmless
        }
    }

    /** One 32-bit MMIO read: one round trip through PYNQ.remote's {@code mmio.read}. */
    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public int mmioRead32(ProcessCpu cpu) {
        cpu.count();
        return bram.read32(0x10);
    }

    /** 8 register writes and a read, as a D2L operation: one register program (9 calls without extensions). */
    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public long[] d2lEightWritesAndARead(ProcessCpu cpu) {
        cpu.count();
        RegisterBatch b = ((RemoteRegisterSpace) bram).batch();
        for (int i = 0; i < 8; i++) {
            b.write(0x100 + 4L * i, i);
        }
        return b.read(0x100).run();
    }

    /**
     * 64 MiB flushed to the board and invalidated back: 128 MiB over the wire, in steady state.
     * Warm-up: 10 iterations of 3 s, about 100-200 operations. Each operation runs a few hundred
     * messages through the gRPC/Netty path, so C2 needs many of them: at load 10 the process CPU
     * per operation falls from ~900 ms (first) to ~300 ms (10th) and ~130 ms (from about the 70th),
     * with C2's threads busy for the first ~30 s (perf). The first operations of a fresh JVM are
     * {@link #flushInvalidate64MiBCold}.
     */
    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 10, time = 3)
    @Measurement(iterations = 5, time = 4)
    public DeviceMemory flushInvalidate64MiB(ProcessCpu cpu) {
        cpu.count();
        buffer.flush(0, buffer.byteSize());
        buffer.invalidate(0, buffer.byteSize());
        return buffer;
    }

    /**
     * The same operation, cold: the first 5 of each of 3 fresh JVMs, no warm-up, what a notebook's
     * first flushes of a session cost.
     */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Fork(value = 3, jvmArgsAppend = {"-Xmx2g"})
    @Warmup(iterations = 0)
    @Measurement(iterations = 5)
    public DeviceMemory flushInvalidate64MiBCold(ProcessCpu cpu) {
        return flushInvalidate64MiB(cpu);
    }
}
