package io.jynq.bench.plot;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The thread CPU time of one call, reported next to the wall-clock score as
 * {@code ...:cpuMsPerOp}. On this shared 2-core machine the wall clock includes the time other
 * processes hold the cores; CPU time is what the plot itself costs.
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.EVENTS)
public class CpuTime {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** Mean CPU milliseconds per call in the current iteration (JMH reads public fields). */
    public double cpuMsPerOp;
    private long calls;
    private long nanos;

    @Setup(Level.Iteration)
    public void reset() {
        calls = 0;
        nanos = 0;
        cpuMsPerOp = 0;
    }

    long start() {
        return THREADS.getCurrentThreadCpuTime();
    }

    void stop(long start) {
        nanos += THREADS.getCurrentThreadCpuTime() - start;
        calls++;
        cpuMsPerOp = nanos / 1e6 / calls;
    }
}
