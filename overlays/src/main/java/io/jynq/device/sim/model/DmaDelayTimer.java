package io.jynq.device.sim.model;

import static io.jynq.ip.AxiDmaLayout.DMACR_IRQ_DELAY;
import static io.jynq.ip.AxiDmaLayout.DMASR_IRQ_DELAY_STS;

/**
 * The interrupt delay timer of one scatter-gather AXI DMA channel, as PG021 v7.1 describes it
 * in "MM2S_DMACR/S2MM_DMACR" (IRQDelay, bits 31:24), "MM2S_DMASR/S2MM_DMASR" (Dly_Irq, bit 13;
 * IRQDelaySts, bits 31:24) and the {@code C_DLYTMR_RESOLUTION} parameter ("Delay timer
 * resolution", default 125 cycles of the scatter-gather clock per tick):
 * <ul>
 *   <li>the timer begins counting at the end of a packet (an end-of-frame descriptor completed)
 *       and is reset when a new packet begins or when it times out;
 *   <li>it times out after IRQDelay ticks, i.e. IRQDelay × C_DLYTMR_RESOLUTION cycles; IRQDelay 0
 *       disables it; IRQDelaySts shows the ticks counted so far;
 *   <li>a timeout sets Dly_Irq and reloads the IRQThreshold counter (interrupt coalescing: the
 *       delay interrupt reports the packets the threshold has not yet counted).
 * </ul>
 * Cycles are those the simulator lets pass ({@link IpModel#advance}: one per register access to
 * any IP, {@code Sim.run(n)}, and interrupt waits).
 */
final class DmaDelayTimer {
    private final long resolution;
    private boolean counting;
    /** Cycles since the end of the last packet while {@link #counting}. */
    private long cycles;

    /** @param resolution cycles per tick, {@code C_DLYTMR_RESOLUTION} (at least 1) */
    DmaDelayTimer(long resolution) {
        this.resolution = Math.max(1, resolution);
    }

    /** Stops and clears the timer (reset, halt, timeout, a new packet). */
    void clear() {
        counting = false;
        cycles = 0;
    }

    /** A packet ended: the timer (re)starts from zero. */
    void packetEnded() {
        counting = true;
        cycles = 0;
    }

    /**
     * Lets {@code n} cycles pass.
     *
     * @param dmacr the channel's DMACR, for IRQDelay
     * @return true when the timer timed out now (the caller sets Dly_Irq)
     */
    boolean advance(long n, int dmacr) {
        long delay = (dmacr & DMACR_IRQ_DELAY) >>> 24;
        if (!counting || delay == 0) {
            return false;
        }
        cycles += n;
        if (cycles >= delay * resolution) {
            clear();
            return true;
        }
        return false;
    }

    /** {@code dmasr} with IRQDelaySts (bits 31:24) showing the ticks counted so far. */
    int status(int dmasr) {
        long ticks = Math.min(0xFF, cycles / resolution);
        return (dmasr & ~DMASR_IRQ_DELAY_STS) | (int) (ticks << 24);
    }
}
