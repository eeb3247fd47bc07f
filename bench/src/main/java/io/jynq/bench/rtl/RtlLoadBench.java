package io.jynq.bench.rtl;

import io.jynq.device.sim.rtl.RtlModel;
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
 * Binding an unchanged RTL core again (what every download of an overlay package with an
 * {@code rtlCore} does): resolve the core and its dependencies, hash the sources, find the cached
 * library, load it and reset the model. The first build (setup) is not measured. Target: at most
 * 1 s (issue 18; a first build takes 3-17 s).
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Thread)
public class RtlLoadBench {
    private RtlBenchBoard board;

    @Setup
    public void setUp() {
        board = new RtlBenchBoard(64);
        board.device.rtl("fir_0", board.core("rtl_scaler.core"), "sim", Map.of(), Map.of());
    }

    @TearDown
    public void tearDown() {
        board.close();
    }

    @Benchmark
    public RtlModel secondBindOfAnUnchangedCore() {
        return board.device.rtl("fir_0", board.core("rtl_scaler.core"), "sim", Map.of(), Map.of());
    }
}
