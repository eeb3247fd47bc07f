package io.jynq.overlay;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * A driver's blocking wait run on its own daemon thread and handed back as a future: the async twin
 * of a wait (PYNQ's {@code *_async} coroutines, without an event loop), as in
 * {@code AxiGpio}'s {@code onValue(v)} and {@code DmaChannel.awaitAsync()}. The future completes with
 * the wait's result or fails with what it threw; cancelling it interrupts the thread, which ends a
 * wait that polls with {@link Deadline} or sleeps on an {@link Interrupt} (both stop on interrupt).
 * A daemon thread never keeps the JVM alive.
 */
public final class BackgroundWait {
    private BackgroundWait() {}

    /**
     * Starts {@code wait} on a new daemon thread named {@code threadName}.
     *
     * @param threadName e.g. {@code jynq-dma-wait S2MM of axi_dma_0}, shown in thread dumps
     * @param wait the blocking wait; its result completes the future
     */
    public static <T> CompletableFuture<T> start(String threadName, Supplier<T> wait) {
        CompletableFuture<T> f = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                f.complete(wait.get());
            } catch (Throwable e) {  // an Error too: else the future never completes and get() hangs
                f.completeExceptionally(e);
            }
        }, threadName);
        t.setDaemon(true);
        f.whenComplete((v, e) -> {
            if (f.isCancelled()) {
                t.interrupt();
            }
        });
        t.start();
        return f;
    }
}
