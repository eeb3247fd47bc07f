package io.jynq.bench.sim;

import io.jynq.mmio.BitField;
import io.jynq.mmio.Register;
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
 * A register field write by name through a held handle (read-modify-write of the register), on a
 * plain simulated register file: {@code CTRL.AUTO_RESTART} of an HLS-style register map. Target:
 * at most 20 ns (PYNQ: about 1.4 µs). Also the whole-register write and a slice write.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
public class RegisterFieldBench {
    private BenchBoard board;
    private BitField field;
    private Register register;
    private int value;

    @Setup
    public void setUp() {
        board = new BenchBoard(64);
        register = board.overlay.ip("add_0").registers().get("CTRL");
        field = register.field("AUTO_RESTART");
    }

    @TearDown
    public void tearDown() {
        board.close();
    }

    @Benchmark
    public void heldFieldWrite() {
        field.set(value++ & 1);
    }

    @Benchmark
    public void heldRegisterWrite() {
        register.set(value++ & 0x80);
    }

    @Benchmark
    public void heldSliceWrite() {
        register.set(7, 4, value++ & 0xF);
    }
}
