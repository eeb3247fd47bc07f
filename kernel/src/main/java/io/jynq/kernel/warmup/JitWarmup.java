package io.jynq.kernel.warmup;

import io.jynq.config.JynqConfig;
import io.jynq.config.Setting;
import io.jynq.kernel.JynqKernel;
import io.jynq.kernel.eval.CellException;
import io.jynq.kernel.eval.JShellEvaluator;
import io.jynq.kernel.wire.KernelConnection;
import io.jynq.render.Renderers;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.Locale;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compiles and runs {@link WarmupCells} in a JShell of its own, on a background thread, while the
 * kernel waits for the user's cells: the JIT compiles javac's and JShell's hot code (it is shared by
 * every JShell in the JVM) before the user's cells need it.
 *
 * <p>Why: a fresh kernel's {@code 1+1} cell costs about 15 ms for its first 100 cells, 12 ms up to
 * cell 400 and 8 ms after (session note of issue 12): C2 is still compiling javac. Whether a
 * notebook's cells sit on the slow or the fast part depended on how many cells came before.
 *
 * <p>What it never does: touch the user's session (its snippets, variables, classes, history
 * and the overlay drivers' registry are its own, see {@link JynqKernel#newEvaluator}), print,
 * or delay a cell: each sample cell starts only after {@link #QUIET} without any request, so a
 * Run All or a benchmark's back-to-back cells hold it off; a cell that comes while a sample cell
 * compiles shares the CPU with it for the rest of that one sample cell. Its bounds:
 * {@link #MAX_ROUNDS} rounds of the sample cells or {@link #CPU_BUDGET} of its own CPU, whichever
 * comes first; its JShell is renewed every {@link #ROUNDS_PER_SHELL} rounds (JShell keeps every
 * snippet it ever compiled) and closed at the end. It is a daemon thread: the kernel's shutdown
 * ends it.
 *
 * <p>Why its thread keeps the normal priority: a thread at a lower one (nice 19, SCHED_IDLE) on a
 * busy machine stretches its sample cell in flight across the user's first cells, and every
 * stop-the-world pause (a young collection, every 2 s or so) waits until that thread, running
 * Java code, reaches a safepoint poll. Measured (5 s wait, two A/B pairs at load 16-21): SCHED_IDLE
 * gave the first 100 cells a median wall time of 63-105 ms, the normal priority 55-78.
 *
 * <p>Why it is on by default on a workstation (session note of issue 12: {@code 1+1} cells through
 * jupyter_client after an idle wait, A/B interleaved, 2 cores at load 9-13, kernel CPU from each
 * thread's schedstat): after a 60 s wait, cells 1-100 cost the kernel 16 ms of CPU each against
 * 38-43 without it, cells 101-300 10-14 against 16-24; the wait cost about 30 s of CPU (10 on this
 * thread, 17 in C2) and 100-110 MB of RSS on a heap sized for many GB. Cells that come sooner
 * meet it half done: after 20 s about as fast as without it, after 5 s the same CPU per cell but
 * the first 100 cells' median wall time 81-89 against 58-76 ms at load 11-13 (what was in flight
 * when they came; its thread was then at nice 19). The benchmark's cells come straight after
 * kernel_info and never meet it.
 *
 * <p>{@code JYNQ_JIT_WARMUP=off} (or {@code -Djynq.jit.warmup=off}) turns it off; the
 * {@code --memory 512m} sizing does, see {@code KernelMemory}, and so does a heap below
 * {@link #MIN_HEAP_BYTES}.
 */
public final class JitWarmup implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(JitWarmup.class);

    /** How long no request must have been handled before a sample cell starts. */
    static final Duration QUIET = Duration.ofMillis(1000);
    /**
     * 40 rounds of 25 cells: the sample cells' own cost levels off after about 8 rounds (1.1 s of
     * CPU for the first, 0.4 s from the 5th), but C2 keeps compiling javac for 30 more, and only
     * then did a {@code 1+1} cell's shell-thread CPU reach its plateau (session note of issue 12).
     */
    static final int MAX_ROUNDS = 40;
    static final int ROUNDS_PER_SHELL = 10;
    static final Duration CPU_BUDGET = Duration.ofSeconds(30);
    /**
     * The smallest heap ({@code -Xmx}) the warm-up runs with. Its JShell lives beside the
     * session's: at the {@code --memory 512m} sizing (72 MB) it left the heap 73 of 74 MB live
     * after all tutorials and the kernel at 195 MB RSS, where the target is 180.
     */
    static final long MIN_HEAP_BYTES = 256L << 20;
    /** A sample cell that runs longer than this is stopped (none should). */
    private static final Duration CELL_LIMIT = Duration.ofSeconds(30);

    private final Supplier<JShellEvaluator> evaluators;
    private final LongSupplier quietNanos;
    private final int maxRounds;
    private volatile int cellsRun;
    private volatile int unexpected;
    private volatile boolean finished;

    /**
     * @param evaluators makes a fresh evaluator that compiles as the session's does
     * @param quietNanos nanoseconds since the kernel last handled a request, 0 while it handles one
     * @param maxRounds  at most this many rounds of the sample cells
     */
    JitWarmup(Supplier<JShellEvaluator> evaluators, LongSupplier quietNanos, int maxRounds) {
        this.evaluators = evaluators;
        this.quietNanos = quietNanos;
        this.maxRounds = maxRounds;
    }

    /**
     * Starts the warm-up on a daemon thread unless {@link Setting#JIT_WARMUP} is {@code off}; it
     * begins once the session has started. A value other than on/off is shown in the first cell.
     *
     * @return the thread, or null if the warm-up is off
     */
    public static Thread startIfEnabled(JynqConfig config, JynqKernel kernel, KernelConnection connection) {
        java.util.Optional<String> set = config.value(Setting.JIT_WARMUP);
        String value = set.orElse("on").toLowerCase(Locale.ROOT);
        boolean on = switch (value) {
            case "on", "true", "1" -> true;
            case "off", "false", "0" -> false;
            default -> {
                kernel.reportAtFirstCell(Setting.JIT_WARMUP.env() + "='" + value + "' is not on or off: the JIT warm-up is off");
                yield false;
            }
        };
        if (!on) {
            return null;
        }
        long heap = Runtime.getRuntime().maxMemory();
        if (heap < MIN_HEAP_BYTES) {
            if (set.isPresent()) {
                kernel.reportAtFirstCell(Setting.JIT_WARMUP.env() + "=" + value + ": the JIT warm-up is off all the same: its"
                        + " second JShell needs a heap of " + (MIN_HEAP_BYTES >> 20) + " MB or more, this kernel's is "
                        + (heap >> 20) + " MB");
            }
            return null;
        }
        JitWarmup warmup = new JitWarmup(kernel::newEvaluator, connection::quietNanos, MAX_ROUNDS);
        Thread t = new Thread(() -> {
            try {
                kernel.awaitSession();
            } catch (IllegalStateException e) {
                return; // no session, nothing to warm for; the first cell says why
            }
            warmup.run();
        }, "jynq-jit-warmup");
        t.setDaemon(true);
        t.start();
        return t;
    }

    @Override
    public void run() {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long cpu0 = mx.getCurrentThreadCpuTime();
        int rounds = 0;
        JShellEvaluator ev = null;
        try {
            while (rounds < maxRounds) {
                if (rounds % ROUNDS_PER_SHELL == 0) {
                    close(ev);
                    ev = null;
                    awaitQuiet();
                    ev = evaluators.get();
                }
                long start = mx.getCurrentThreadCpuTime();
                long jit0 = ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
                for (WarmupCells.Cell cell : WarmupCells.CELLS) {
                    awaitQuiet();
                    run(ev, cell);
                }
                long used = mx.getCurrentThreadCpuTime() - start;
                rounds++;
                LOG.info("round {}: {} ms CPU, JIT {} ms", rounds, used / 1_000_000,
                        ManagementFactory.getCompilationMXBean().getTotalCompilationTime() - jit0);
                if (mx.getCurrentThreadCpuTime() - cpu0 > CPU_BUDGET.toNanos()) {
                    break;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (OutOfMemoryError e) {
            LOG.info("stopped: the heap is too small for a second JShell");
        } finally {
            close(ev);
            finished = true;
            LOG.info("done: {} rounds, {} cells, {} ms CPU", rounds, cellsRun, (mx.getCurrentThreadCpuTime() - cpu0) / 1_000_000);
        }
    }

    private void awaitQuiet() throws InterruptedException {
        long quiet;
        while ((quiet = quietNanos.getAsLong()) < QUIET.toNanos()) {
            Thread.sleep(Math.max(10, (QUIET.toNanos() - quiet) / 1_000_000));
        }
    }

    private void run(JShellEvaluator ev, WarmupCells.Cell cell) {
        boolean failed;
        try {
            Object value = ev.eval(cell.source(), CELL_LIMIT);
            if (value != JShellEvaluator.NO_VALUE) {
                Renderers.render(value); // what the kernel does with a cell's value
            }
            failed = false;
        } catch (CellException e) {
            failed = true;
        } catch (RuntimeException | LinkageError e) {
            LOG.info("sample cell {}: {}", cell.source(), e.toString());
            failed = true;
        }
        cellsRun++;
        if (failed != cell.fails()) {
            unexpected++;
            LOG.info("sample cell {} {}", cell.source(), failed ? "failed" : "did not fail");
        }
    }

    private static void close(JShellEvaluator ev) {
        if (ev != null) {
            ev.close();
        }
    }

    /** Sample cells run so far. */
    int cellsRun() {
        return cellsRun;
    }

    /** Sample cells that failed though meant to succeed, or the other way round. */
    int unexpected() {
        return unexpected;
    }

    /** Whether {@link #run} has ended. */
    boolean finished() {
        return finished;
    }
}
