package io.jynq.bench.remote;

import java.lang.management.ManagementFactory;
import java.util.Locale;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The process's CPU time per operation, printed after each iteration as
 * {@code process cpu: N µs/op}. Client and board server run in this one JVM, so the figure is
 * what a round trip costs both ends together (every thread: caller, event loops, handlers, GC,
 * JIT). On a shared machine the wall-clock score also counts the time other processes hold the
 * cores; this does not. The benchmark thread's own CPU time would miss the server's share.
 */
@State(Scope.Benchmark)
public class ProcessCpu {
    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private long startNanos;
    private long ops;

    @Setup(Level.Iteration)
    public void start() {
        ops = 0;
        startNanos = OS.getProcessCpuTime();
    }

    /** Counts one operation (called by the benchmark thread only). */
    void count() {
        ops++;
    }

    @TearDown(Level.Iteration)
    public void print() {
        if (ops > 0) {
            double us = (OS.getProcessCpuTime() - startNanos) / 1e3 / ops;
            System.out.printf(Locale.ROOT, "process cpu: %.1f µs/op over %d ops (load average %.1f)%n", us, ops,
                    OS.getSystemLoadAverage());
        }
    }
}
