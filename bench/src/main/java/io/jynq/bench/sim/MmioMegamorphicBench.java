package io.jynq.bench.sim;

import io.jynq.mmio.Mmio;
import java.io.IOException;
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
 * {@link MmioBench}'s plain-register read and write after the setup has driven {@code Mmio}
 * over all three kinds of register window (plain mapped, behavioural model, a mapped file), as a
 * notebook that touches several IPs does. JMH runs each benchmark in its own JVM, so in
 * MmioBench the call from {@code Mmio} into its window sees one class and is inlined; here it
 * sees three and is a real interface dispatch. This is the figure a user meets.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
public class MmioMegamorphicBench {
    private BenchBoard board;
    private Mmio plain;
    private MappedRegisterFile regs;
    private int value;

    @Setup
    public void setUp() throws IOException {
        board = new BenchBoard(64);
        plain = board.overlay.ip("add_0").mmio();
        Mmio model = board.overlay.ip("axi_gpio_0").mmio();
        regs = new MappedRegisterFile();
        Mmio file = regs.mmio();
        // Enough calls through each window class for the JIT's type profile to record all three.
        int sink = 0;
        for (int i = 0; i < 50_000; i++) {
            for (Mmio m : new Mmio[] {plain, model, file}) {
                m.write32(0x0, i & 0xF);
                sink += m.read32(0x0);
            }
        }
        value = sink;
    }

    @TearDown
    public void tearDown() throws IOException {
        board.close();
        regs.close();
    }

    @Benchmark
    public int plainRead32(CpuShare cpu) {
        return plain.read32(0x18);
    }

    @Benchmark
    public void plainWrite32(CpuShare cpu) {
        plain.write32(0x18, value++);
    }
}
