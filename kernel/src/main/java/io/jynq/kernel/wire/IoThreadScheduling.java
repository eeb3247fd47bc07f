package io.jynq.kernel.wire;

import io.jynq.ffi.libc.Libc;
import io.jynq.ffi.libc.ThreadIds;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zeromq.ZMQ;

/**
 * Runs ZeroMQ's I/O (and reaper) threads under Linux's {@code SCHED_BATCH} policy, so that a
 * thread sending a message is not preempted by the I/O thread its send wakes.
 *
 * <p>Why: JeroMQ's {@code Signaler.send} writes a byte to the I/O thread's pipe and only then
 * increments the counter that the I/O thread's {@code Mailbox} checks ({@code waitEvent(0)}
 * compares counters without reading the pipe). Woken by the write, the I/O thread finds the
 * pipe readable but the counter not yet raised, returns to {@code epoll_wait}, which reports
 * the same byte at once: it spins until the sender runs again. A woken thread under
 * {@code SCHED_OTHER} preempts its waker when they share a CPU, so the shell thread (the sender
 * of busy, execute_input, the reply and idle) stood still while the I/O thread spun for the
 * rest of its time slice. Measured in the real kernel under jupyter_client, 300 {@code 1+1}
 * cells: about 1800 {@code epoll_wait} calls per cell in bursts of 1–2 ms, 2.4 ms of I/O-thread
 * CPU per cell against 0.5 ms for an empty cell. A {@code SCHED_BATCH} thread never preempts on
 * wake-up (the scheduler lets it run at the next tick or when the CPU is free), so the sender
 * finishes its two steps first; throughput and fairness are otherwise those of SCHED_OTHER.
 *
 * <p>Setting the policy needs libc (JNA, ~100 ms to load cold), so {@link #install} only records
 * each thread's id from inside it ({@link ThreadIds}, plain Java); {@link #apply} sets the
 * policy later, off the path of the first reply. Where this is not Linux, or the kernel refuses,
 * nothing changes and the reason is logged at debug level.
 */
final class IoThreadScheduling {
    private static final Logger LOG = LoggerFactory.getLogger(IoThreadScheduling.class);

    private final List<Integer> tids = new CopyOnWriteArrayList<>();

    /** Makes {@code ctx} create its threads through this class; call before its first socket. */
    void install(ZMQ.Context ctx) {
        ctx.setThreadFactor((runnable, name) -> {
            // the same thread JeroMQ's own factory makes, plus the id record
            Thread t = new Thread(() -> {
                record();
                runnable.run();
            }, name);
            t.setDaemon(true);
            t.setUncaughtExceptionHandler(ctx.getUncaughtExceptionHandler());
            return t;
        });
    }

    private void record() {
        try {
            tids.add(ThreadIds.current());
        } catch (IOException | RuntimeException e) {
            LOG.debug("no thread id for {}: {}", Thread.currentThread().getName(), e.toString());
        }
    }

    /** Sets {@code SCHED_BATCH} on every ZeroMQ thread started so far; returns how many took it. */
    int apply() {
        int done = 0;
        for (int tid : tids) {
            try {
                Libc.setScheduler(tid, Libc.SCHED_BATCH);
                done++;
            } catch (RuntimeException | LinkageError e) {
                LOG.debug("ZeroMQ thread {} keeps its scheduling policy: {}", tid, e.toString());
            }
        }
        return done;
    }
}
