package io.jynq.bench.plot;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The thread CPU time of one call, printed after each iteration as {@code cpu: N ms/op}. On
 * this shared 2-core machine the wall-clock score includes the time other processes hold the
 * cores; CPU time is what the plot itself costs. (Printed rather than an {@code @AuxCounters}
 * field: JMH sums EVENTS counters over iterations, which does not suit a per-call mean.)
 */
@State(Scope.Thread)
public class CpuTime {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private long calls;
    private long nanos;

    @Setup(Level.Iteration)
    public void reset() {
        calls = 0;
        nanos = 0;
    }

    @TearDown(Level.Iteration)
    public void print() {
        if (calls > 0) {
            System.out.printf(Locale.ROOT, "cpu: %.1f ms/op over %d calls%n", nanos / 1e6 / calls, calls);
        }
    }

    public long start() {
        return THREADS.getCurrentThreadCpuTime();
    }

    public void stop(long start) {
        nanos += THREADS.getCurrentThreadCpuTime() - start;
        calls++;
    }
}
