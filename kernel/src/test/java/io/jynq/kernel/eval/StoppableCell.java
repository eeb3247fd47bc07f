package io.jynq.kernel.eval;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A cell evaluating on a thread of its own, for the stop tests: waiting for it to start has a
 * deadline (a cell that never starts, or ends at once, fails the test with a message instead of
 * hanging it), and what the cell threw is checked on the test's thread, where a failure counts.
 */
final class StoppableCell {
    private final JShellEvaluator ev;
    private final Thread thread;
    private final AtomicReference<Throwable> thrown = new AtomicReference<>();

    private StoppableCell(JShellEvaluator ev, String code) {
        this.ev = ev;
        this.thread = new Thread(() -> {
            try {
                ev.eval(code);
            } catch (Throwable t) {
                thrown.set(t);
            }
        }, "stoppable-cell");
    }

    /** Starts {@code code} and returns once {@code ev} evaluates it, or fails after {@code deadline}. */
    static StoppableCell start(JShellEvaluator ev, String code, Duration deadline) throws InterruptedException {
        StoppableCell cell = new StoppableCell(ev, code);
        cell.thread.start();
        long end = System.nanoTime() + deadline.toNanos();
        while (!ev.isEvaluating()) {
            if (!cell.thread.isAlive()) {
                fail("the cell ended before it was seen evaluating: " + cell.thrown.get());
            }
            if (System.nanoTime() > end) {
                fail("the cell was not evaluating after " + deadline.toSeconds() + " s");
            }
            Thread.sleep(5);
        }
        return cell;
    }

    /** Stops the cell and asserts it ended within {@code deadline} with a {@link CellInterruptedException}. */
    void stopAndAwait(Duration deadline) throws InterruptedException {
        ev.stop("test stop");
        thread.join(deadline.toMillis());
        assertFalse(thread.isAlive(), "cell did not stop within " + deadline.toSeconds() + " s");
        assertInstanceOf(CellInterruptedException.class, thrown.get(), "what the stopped cell threw");
    }
}
