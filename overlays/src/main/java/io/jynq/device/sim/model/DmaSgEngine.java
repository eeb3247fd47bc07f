package io.jynq.device.sim.model;

import static io.jynq.ip.AxiDmaDescriptor.BUFFER_ADDRESS;
import static io.jynq.ip.AxiDmaDescriptor.BUFFER_ADDRESS_MSB;
import static io.jynq.ip.AxiDmaDescriptor.BYTES;
import static io.jynq.ip.AxiDmaDescriptor.CONTROL;
import static io.jynq.ip.AxiDmaDescriptor.CONTROL_TXEOF;
import static io.jynq.ip.AxiDmaDescriptor.CONTROL_TXSOF;
import static io.jynq.ip.AxiDmaDescriptor.LENGTH_MASK;
import static io.jynq.ip.AxiDmaDescriptor.NXTDESC;
import static io.jynq.ip.AxiDmaDescriptor.NXTDESC_MSB;
import static io.jynq.ip.AxiDmaDescriptor.STATUS;
import static io.jynq.ip.AxiDmaDescriptor.STATUS_CMPLT;
import static io.jynq.ip.AxiDmaDescriptor.STATUS_DMA_DEC_ERR;
import static io.jynq.ip.AxiDmaDescriptor.STATUS_DMA_INT_ERR;
import static io.jynq.ip.AxiDmaDescriptor.STATUS_RXEOF;
import static io.jynq.ip.AxiDmaDescriptor.STATUS_RXSOF;
import static io.jynq.ip.AxiDmaLayout.CURDESC;
import static io.jynq.ip.AxiDmaLayout.CURDESC_MSB;
import static io.jynq.ip.AxiDmaLayout.DMACR;
import static io.jynq.ip.AxiDmaLayout.DMACR_CYCLIC_BD_ENABLE;
import static io.jynq.ip.AxiDmaLayout.DMACR_IRQ_THRESHOLD;
import static io.jynq.ip.AxiDmaLayout.DMASR;
import static io.jynq.ip.AxiDmaLayout.DMASR_DLY_IRQ;
import static io.jynq.ip.AxiDmaLayout.DMASR_DMA_DEC_ERR;
import static io.jynq.ip.AxiDmaLayout.DMASR_DMA_INT_ERR;
import static io.jynq.ip.AxiDmaLayout.DMASR_IDLE;
import static io.jynq.ip.AxiDmaLayout.DMASR_IOC_IRQ;
import static io.jynq.ip.AxiDmaLayout.DMASR_IRQ_THRESHOLD_STS;
import static io.jynq.ip.AxiDmaLayout.DMASR_SG_DEC_ERR;
import static io.jynq.ip.AxiDmaLayout.DMASR_SG_INT_ERR;
import static io.jynq.ip.AxiDmaLayout.TAILDESC;
import static io.jynq.ip.AxiDmaLayout.TAILDESC_MSB;

import java.nio.ByteBuffer;
import java.util.function.IntConsumer;

/**
 * The scatter-gather engine of one {@link DmaChannelModel} channel, as PG021 v7.1 describes it in
 * "Scatter/Gather Mode", "Scatter Gather Descriptor" and the CURDESC/TAILDESC/DMACR/DMASR
 * register sections ({@link io.jynq.ip.AxiDmaDescriptor} has the descriptor layout):
 * <ul>
 *   <li>CURDESC can be written only while the channel is halted; writing TAILDESC while it runs
 *       starts (or resumes) fetching at CURDESC; DMASR.Idle rises when the descriptor at TAILDESC
 *       is done, and a later TAILDESC write goes on from the next descriptor;
 *   <li>MM2S sends each buffer on the stream, TLAST on the buffer whose CONTROL has TXEOF; S2MM
 *       fills buffers in chain order, a packet longer than a buffer going on in the next one, and
 *       marks RXSOF/RXEOF in STATUS; with no descriptor left, S2MM stops taking the stream;
 *   <li>a finished descriptor gets STATUS = Cmplt | bytes; each completion of an end-of-frame
 *       descriptor counts the IRQThreshold counter (DMASR.IRQThresholdSts) down, and at zero sets
 *       IOC_Irq and reloads it;
 *   <li>errors halt the channel with CURDESC at the descriptor concerned: SGDecErr (no memory at
 *       the descriptor), SGIntErr (a descriptor already Cmplt, i.e. stale), DMAIntErr (buffer
 *       length 0), DMADecErr (no memory at the buffer), the last two also written to STATUS;
 *   <li>the interrupt delay timer ({@link DmaDelayTimer}) counts from the end of each packet and
 *       sets Dly_Irq after DMACR.IRQDelay ticks;
 *   <li>cyclic mode (DMACR.Cyclic_BD_Enable) ignores Cmplt and TAILDESC and runs round the chain
 *       until halted; it moves at most one lap per event (stream room, a register access), so a
 *       sink that takes everything cannot hold the simulator in a loop.
 * </ul>
 * Not modelled: APP words and the status/control streams,
 * SGSlvErr/DMASlvErr (simulated memory never answers SLVERR).
 */
final class DmaSgEngine {
    /** Descriptors handled per event in cyclic mode before yielding (one lap of a long chain at most). */
    private static final int CYCLIC_STEP_LIMIT = 4096;

    private final RegisterStore regs;
    private final int base;
    private final boolean mm2s;
    private final boolean wideAddress;
    private final StreamOut out;
    private final StreamIn in;
    private final MemoryBus memory;
    private final IntConsumer fail;
    private final Runnable irqChanged;

    private boolean active;
    /** CURDESC's descriptor is done (the engine stopped at the tail): a new tail goes on from its NXTDESC. */
    private boolean currentDone;
    private boolean loaded;
    private long bufferAddress;
    private int bufferLength;
    private int control;
    private int done;
    /** S2MM: a packet began in an earlier descriptor and has not ended. */
    private boolean packetOpen;
    /** S2MM: the loaded descriptor holds the start of a packet (RXSOF). */
    private boolean startHere;
    private long held = -1;
    private int thresholdCount = 1;
    private final DmaDelayTimer delay;

    DmaSgEngine(IpContext ctx, int base, boolean mm2s, IntConsumer fail, Runnable irqChanged) {
        this.regs = ctx.registers();
        this.base = base;
        this.mm2s = mm2s;
        this.wideAddress = ctx.parameterLong("c_addr_width", 32) > 32;
        this.out = mm2s ? ctx.streamOut("M_AXIS_MM2S") : null;
        this.in = mm2s ? null : ctx.streamIn("S_AXIS_S2MM");
        this.memory = ctx.memory();
        this.fail = fail;
        this.irqChanged = irqChanged;
        this.delay = new DmaDelayTimer(ctx.parameterLong("c_dlytmr_resolution", 125));
    }

    /** Back to reset: nothing fetched, threshold counter from DMACR. */
    void reset() {
        stop();
        currentDone = false;
        packetOpen = false;
        reloadThreshold();
        showDelay();
    }

    /** The channel halted (RS cleared, error, reset): the descriptor in flight is abandoned. */
    void stop() {
        active = false;
        unload();
        delay.clear();  // a halted channel raises no new interrupt events
        showDelay();
    }

    /**
     * Lets {@code cycles} cycles pass for the delay timer; on its timeout sets Dly_Irq and reloads
     * the IRQThreshold counter (PG021 DMACR "IRQDelay").
     */
    void advance(long cycles) {
        if (delay.advance(cycles, regs.get(base + DMACR))) {
            regs.put(base + DMASR, regs.get(base + DMASR) | DMASR_DLY_IRQ);
            reloadThreshold();
            irqChanged.run();
        }
        showDelay();
    }

    private void showDelay() {
        int sr = regs.get(base + DMASR);
        int shown = delay.status(sr);
        if (shown != sr) {
            regs.put(base + DMASR, shown);
        }
    }

    /** A new packet begins: the delay timer resets (PG021 DMACR "IRQDelay"). */
    private void packetStarted() {
        delay.clear();
        showDelay();
    }

    /** DMACR was written: a new IRQThreshold restarts the counter (PG021 DMACR "IRQThreshold"). */
    void controlWritten(int oldCr, int newCr) {
        if ((oldCr & DMACR_IRQ_THRESHOLD) != (newCr & DMACR_IRQ_THRESHOLD)) {
            reloadThreshold();
        }
    }

    /** Handles a write to CURDESC, CURDESC_MSB, TAILDESC or TAILDESC_MSB (channel-relative {@code rel}). */
    void pointerWritten(int rel, int value, boolean halted) {
        if (rel == CURDESC || rel == CURDESC_MSB) {
            if (halted) {  // PG021: CURDESC is read-only while the channel runs
                regs.put(base + rel, rel == CURDESC ? value & ~0x3F : value);
                currentDone = false;
            }
            return;
        }
        regs.put(base + rel, rel == TAILDESC ? value & ~0x3F : value);
        if (rel == TAILDESC && !halted) {  // PG021: a TAILDESC write while halted has no effect
            if (!active) {
                active = true;
                if (currentDone && !cyclic()) {
                    setCurrent(readLong(current(), NXTDESC, NXTDESC_MSB));
                    currentDone = false;
                }
                regs.put(base + DMASR, regs.get(base + DMASR) & ~DMASR_IDLE);
            }
            run();
        }
    }

    /** Resumes work: stream room freed, bytes arrived, or a register was read (cyclic progress). */
    void run() {
        int steps = 0;
        while (active && steps++ < CYCLIC_STEP_LIMIT) {
            if (!loaded && !load()) {
                return;
            }
            if (!(mm2s ? send() : receive())) {
                return;  // waits for stream room or data
            }
        }
    }

    private boolean cyclic() {
        return (regs.get(base + DMACR) & DMACR_CYCLIC_BD_ENABLE) != 0;
    }

    private long current() {
        return (regs.get(base + CURDESC) & 0xFFFF_FFC0L) | (wideAddress ? (long) regs.get(base + CURDESC_MSB) << 32 : 0);
    }

    private long tail() {
        return (regs.get(base + TAILDESC) & 0xFFFF_FFC0L) | (wideAddress ? (long) regs.get(base + TAILDESC_MSB) << 32 : 0);
    }

    private void setCurrent(long address) {
        regs.put(base + CURDESC, (int) address & ~0x3F);
        regs.put(base + CURDESC_MSB, wideAddress ? (int) (address >>> 32) : 0);
    }

    /** Fetches the descriptor at CURDESC; false (and the channel failed) on a fetch error. */
    private boolean load() {
        ByteBuffer d = memory.window(current(), BYTES);
        if (d == null) {
            error(DMASR_SG_DEC_ERR);
            return false;
        }
        int status = d.getInt(STATUS);
        if ((status & STATUS_CMPLT) != 0 && !cyclic()) {
            error(DMASR_SG_INT_ERR);  // a stale descriptor: software did not give it back
            return false;
        }
        control = d.getInt(CONTROL);
        bufferLength = control & LENGTH_MASK;
        bufferAddress = (d.getInt(BUFFER_ADDRESS) & 0xFFFF_FFFFL)
                | (wideAddress ? (long) d.getInt(BUFFER_ADDRESS_MSB) << 32 : 0);
        done = 0;
        if (bufferLength == 0) {
            writeStatus(STATUS_DMA_INT_ERR);
            error(DMASR_DMA_INT_ERR);
            return false;
        }
        if (memory.window(bufferAddress, bufferLength) == null) {
            writeStatus(STATUS_DMA_DEC_ERR);
            error(DMASR_DMA_DEC_ERR);
            return false;
        }
        memory.hold(bufferAddress, bufferLength);
        held = bufferAddress;
        loaded = true;
        return true;
    }

    private void unload() {
        loaded = false;
        startHere = false;
        if (held >= 0) {
            memory.release(held);
            held = -1;
        }
    }

    /** MM2S: sends what the stream takes of the buffer; true when the descriptor is done. */
    private boolean send() {
        ByteBuffer src = memory.window(bufferAddress, bufferLength);
        boolean eof = (control & CONTROL_TXEOF) != 0;
        if (done == 0 && (control & CONTROL_TXSOF) != 0) {
            packetStarted();
        }
        while (done < bufferLength) {
            int n = out.offer(src.duplicate().position(done), eof);
            if (n <= 0) {
                return false;
            }
            done += n;
        }
        complete(STATUS_CMPLT | done, eof);
        return true;
    }

    /** S2MM: moves queued stream bytes into the buffer; true when the descriptor is done. */
    private boolean receive() {
        while (done < bufferLength) {
            StreamChunk c = in.take(bufferLength - done);
            if (c == null) {
                return false;
            }
            if (done == 0) {  // a descriptor holds a packet's start only at its own start
                startHere = !packetOpen;
                if (startHere) {
                    packetStarted();
                }
                packetOpen = true;
            }
            memory.window(bufferAddress + done, c.data().length).put(c.data());
            done += c.data().length;
            if (c.last()) {
                packetOpen = false;
                complete(STATUS_CMPLT | done | STATUS_RXEOF | (startHere ? STATUS_RXSOF : 0), true);
                return true;
            }
        }
        complete(STATUS_CMPLT | done | (startHere ? STATUS_RXSOF : 0), false);  // the packet goes on in the next one
        return true;
    }

    /** Writes STATUS, counts the interrupt, and moves CURDESC on (or stops at the tail). */
    private void complete(int status, boolean endOfFrame) {
        writeStatus(status);
        unload();
        if (endOfFrame) {
            countInterrupt();
            delay.packetEnded();
        }
        if (!cyclic() && current() == tail()) {
            active = false;
            currentDone = true;
            regs.put(base + DMASR, regs.get(base + DMASR) | DMASR_IDLE);
            return;
        }
        setCurrent(readLong(current(), NXTDESC, NXTDESC_MSB));
    }

    private long readLong(long descriptor, int low, int high) {
        ByteBuffer d = memory.window(descriptor, BYTES);
        if (d == null) {
            return descriptor;  // fetched before, so present; a design gone mid-transfer ends at the next fetch
        }
        return (d.getInt(low) & 0xFFFF_FFC0L) | (wideAddress ? (long) d.getInt(high) << 32 : 0);
    }

    private void writeStatus(int status) {
        ByteBuffer d = memory.window(current(), BYTES);
        if (d != null) {
            d.putInt(STATUS, status);
        }
    }

    private void countInterrupt() {
        thresholdCount--;
        if (thresholdCount <= 0) {
            regs.put(base + DMASR, regs.get(base + DMASR) | DMASR_IOC_IRQ);
            reloadThreshold();
            irqChanged.run();
        } else {
            showThreshold();
        }
    }

    private void reloadThreshold() {
        thresholdCount = Math.max(1, (regs.get(base + DMACR) & DMACR_IRQ_THRESHOLD) >>> 16);
        showThreshold();
    }

    private void showThreshold() {
        regs.put(base + DMASR, (regs.get(base + DMASR) & ~DMASR_IRQ_THRESHOLD_STS) | (thresholdCount << 16));
    }

    private void error(int dmasrBit) {
        stop();
        fail.accept(dmasrBit);
    }
}
