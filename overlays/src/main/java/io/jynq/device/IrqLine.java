package io.jynq.device;

import java.time.Duration;

/**
 * One PS interrupt input (a raw IRQ number) as seen from software. Lines are level-sensitive
 * as the PL drives them: an AXI INTC or an IP keeps its output high until software acknowledges
 * the source, so {@link #await} returns at once while the line is still asserted.
 */
public interface IrqLine {

    /** The raw IRQ number (e.g. 61 for IRQ_F2P[0] on Zynq-7000). */
    int rawIrq();

    /** Whether the line is asserted now. */
    boolean isAsserted();

    /**
     * Blocks until the line is asserted or the timeout elapses.
     *
     * @param timeout the longest wait; {@link Duration#ZERO} polls once
     * @return {@code true} if the line was asserted, {@code false} on timeout
     * @throws java.util.concurrent.CancellationException if the waiting thread is interrupted
     *         (the interrupt flag is restored), e.g. by the notebook's stop button
     */
    boolean await(Duration timeout);
}
