package io.jynq.bench.metadata;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The benchmark thread's CPU time per operation, printed after each iteration beside JMH's wall
 * time. On a shared machine (here: 2 cores, often 8+ runnable processes) wall time measures the
 * queue for the CPU; CPU time is what the code costs. Both go in the report.
 */
@State(Scope.Thread)
public class CpuClock {
    private static final ThreadMXBean MX = ManagementFactory.getThreadMXBean();
    private long nanos;
    private long ops;

    long start() {
        return MX.getCurrentThreadCpuTime();
    }

    void stop(long started) {
        nanos += MX.getCurrentThreadCpuTime() - started;
        ops++;
    }

    @TearDown(Level.Iteration)
    public void report() {
        if (ops > 0) {
            System.out.printf("  [thread CPU time %.3f ms/op over %d ops]%n", nanos / 1e6 / ops, ops);
        }
        nanos = 0;
        ops = 0;
    }
}
