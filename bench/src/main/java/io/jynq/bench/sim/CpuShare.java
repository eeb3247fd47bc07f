package io.jynq.bench.sim;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The share of an iteration's wall time that the benchmark thread spent on a CPU, printed after
 * each iteration as {@code [cpu share 0.87]}. Operations here take nanoseconds, far below what a
 * per-call CPU clock can resolve, so the CPU time per operation is the JMH score times this share
 * (what the code costs once the time spent queued behind other processes on the shared 2-core
 * machine is taken out). Nothing is done per operation, so the score is not disturbed.
 */
@State(Scope.Thread)
public class CpuShare {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private long wallStart;
    private long cpuStart;

    @Setup(Level.Iteration)
    public void start() {
        wallStart = System.nanoTime();
        cpuStart = THREADS.getCurrentThreadCpuTime();
    }

    @TearDown(Level.Iteration)
    public void print() {
        long cpu = THREADS.getCurrentThreadCpuTime() - cpuStart;
        long wall = System.nanoTime() - wallStart;
        System.out.printf(Locale.ROOT, "[cpu share %.3f]", (double) cpu / wall);
    }
}
