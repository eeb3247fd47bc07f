package io.jynq.drivers.dma;

import io.jynq.overlay.BackgroundWait;
import io.jynq.overlay.Deadline;
import io.jynq.overlay.Interrupt;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * The waiter behind {@link DmaChannel#awaitAsync(Duration)}: a daemon thread that sleeps on the
 * channel's interrupt (or polls DMASR when none is wired) until the transfer has ended, then lets
 * the channel finish it under its lock as {@link DmaChannel#await(Duration)} does (S2MM
 * invalidate, STATUS sums, halting a scatter-gather channel, the timeout and error reports).
 *
 * <p>Why it clears IOC_Irq before each sleep: DMA interrupt sources are level-sensitive, and an
 * IOC that did not end the transfer (an S2MM packet that ended before the chain's last descriptor)
 * would otherwise keep the line up and turn the sleep into a spin. Clearing first and checking
 * DMASR after loses nothing: a completion after the check raises the line again.
 */
final class DmaAsyncWait {
    /** The longest single sleep, so a stale wake-up source cannot hold the waiter past its deadline. */
    private static final Duration SLICE = Duration.ofSeconds(1);

    private DmaAsyncWait() {}

    static CompletableFuture<Long> start(DmaChannel channel, Interrupt irq, Duration timeout, Deadline d) {
        return BackgroundWait.start("jynq-dma-wait " + channel.label(), () -> {
            waitUntilSettled(channel, irq, d);
            channel.awaitUntil(timeout, d);
            return channel.transferred();
        });
    }

    private static void waitUntilSettled(DmaChannel channel, Interrupt irq, Deadline d) {
        while (!d.expired()) {
            if (irq == null) {
                if (channel.settled()) {
                    return;
                }
                d.pause(channel.label());
                continue;
            }
            channel.clearCompletionInterrupt();
            if (channel.settled()) {
                return;
            }
            Duration left = d.remaining();
            irq.tryAwait(left.compareTo(SLICE) < 0 ? left : SLICE);
        }
    }
}
