package io.jynq.drivers.dma;

import static io.jynq.ip.AxiDmaLayout.ADDR;
import static io.jynq.ip.AxiDmaLayout.ADDR_MSB;
import static io.jynq.ip.AxiDmaLayout.DMACR;
import static io.jynq.ip.AxiDmaLayout.DMACR_ERR_IRQ_EN;
import static io.jynq.ip.AxiDmaLayout.DMACR_IOC_IRQ_EN;
import static io.jynq.ip.AxiDmaLayout.DMACR_RS;
import static io.jynq.ip.AxiDmaLayout.DMASR;
import static io.jynq.ip.AxiDmaLayout.DMASR_ERROR_MASK;
import static io.jynq.ip.AxiDmaLayout.DMASR_HALTED;
import static io.jynq.ip.AxiDmaLayout.DMASR_IDLE;
import static io.jynq.ip.AxiDmaLayout.DMASR_IRQ_MASK;
import static io.jynq.ip.AxiDmaLayout.LENGTH;

import io.jynq.buffer.ContiguousBuffer;
import io.jynq.device.Device;
import io.jynq.device.DeviceException;
import io.jynq.error.HardwareTimeoutException;
import io.jynq.ip.AxiDmaLayout;
import io.jynq.mmio.Mmio;
import io.jynq.overlay.Deadline;
import io.jynq.overlay.Interrupt;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * One direction of an {@link AxiDma}: MM2S (memory to stream, "send") or S2MM
 * (stream to memory, "receive"). Registers per PG021 v7.1, "Direct Register Mode Register
 * Address Map" and "Scatter/Gather Mode Register Address Map" ({@link AxiDmaLayout}), S2MM 0x30
 * above MM2S; descriptors per "Scatter Gather Descriptor" ({@link io.jynq.ip.AxiDmaDescriptor}).
 *
 * <p>States: <em>halted</em> (after {@link #stop()}, a reset or an error) → {@link #start()} →
 * <em>idle</em> → {@link #transfer} → <em>busy</em> → {@link #await} → <em>idle</em>. A
 * transfer is refused while halted or busy. With scatter-gather ({@link #scatterGather()}) the
 * channel is halted between transfers instead, as PYNQ's {@code _SGDMAChannel}: each
 * {@link #transfer} builds a descriptor chain and starts the channel, {@link #await} sums the
 * descriptors' STATUS words and halts it again; a cyclic transfer runs until {@link #stop()}.
 *
 * <p>Alignment: without the Data Realignment Engine the buffer address must be a multiple of the
 * memory-map data width in bytes. Worked example: a 64-bit MM2S without DRE needs 8-byte
 * alignment, so {@code buf.slice(1, n)} of an {@code i4} buffer (address + 4) is refused, while
 * {@code buf.slice(2, n)} (address + 8) is fine. Buffers from {@code Buffers.allocate} are 64-byte
 * aligned.
 */
public final class DmaChannel {
    private final AxiDma dma;
    private final Mmio mmio;
    private final String label;
    private final boolean mm2s;
    private final int base;
    private final int alignment;
    private final boolean wideAddress;
    private final boolean irqWired;
    private final String alignmentReason;
    private final long maxBytes;
    private final String maxReason;
    private volatile ContiguousBuffer active;  // volatile: read by ContiguousBuffer.close() on any thread
    private long activeOffset;
    private long activeBytes;
    private long activeAddress;
    private long transferred;
    private boolean started;
    /** The device descriptor chains are allocated on, or null in simple mode. */
    private final Device sgDevice;
    /** The running scatter-gather transfer's descriptors, or null. */
    private SgChain chain;

    DmaChannel(AxiDma dma, Mmio mmio, boolean mm2s, int alignment, String alignmentReason, boolean wideAddress,
            boolean irqWired, long maxBytes, String maxReason, Device sgDevice) {
        this.sgDevice = sgDevice;
        this.maxBytes = maxBytes;
        this.maxReason = maxReason;
        this.dma = dma;
        this.mmio = mmio;
        this.mm2s = mm2s;
        this.base = mm2s ? 0 : AxiDmaLayout.S2MM_OFFSET;
        this.label = (mm2s ? "MM2S" : "S2MM") + " of " + dma.name();
        this.alignment = alignment;
        this.alignmentReason = alignmentReason;
        this.wideAddress = wideAddress;
        this.irqWired = irqWired;
    }

    /**
     * The driver's first use: a simple-mode channel is started; a scatter-gather one is halted,
     * as PYNQ's {@code _SGDMAChannel} is, since each transfer starts it.
     */
    synchronized void startOnce() {
        if (!started) {
            if (sgDevice != null) {
                started = true;
                stop();
            } else {
                start();
            }
        }
    }

    /** Whether the DMA was built with scatter-gather ({@code C_INCLUDE_SG=1}): transfers run descriptor chains. */
    public boolean scatterGather() {
        return sgDevice != null;
    }

    /** The largest transfer in bytes: {@link AxiDma#bufferMaxSize()}, or one burst on a micro DMA. */
    public long maxTransferBytes() {
        return maxBytes;
    }

    /** {@code MM2S} or {@code S2MM}. */
    public String direction() {
        return mm2s ? "MM2S" : "S2MM";
    }

    /** The required buffer address alignment in bytes (1 with DRE). */
    public int alignment() {
        return alignment;
    }

    /** DMASR now (raw). */
    public int status() {
        return mmio.read32(base + DMASR);
    }

    /** Whether the channel is running (DMASR.Halted clear). */
    public boolean running() {
        return (status() & DMASR_HALTED) == 0;
    }

    /** Whether the last transfer has completed (DMASR.Idle). */
    public boolean idle() {
        return (status() & DMASR_IDLE) != 0;
    }

    /** Whether the channel is halted (DMASR.Halted; PYNQ's {@code halted}). */
    public boolean halted() {
        return (status() & DMASR_HALTED) != 0;
    }

    /** Whether an error bit is set: DMAIntErr, DMASlvErr, DMADecErr and, with scatter-gather, SGIntErr, SGSlvErr, SGDecErr. */
    public boolean error() {
        return (status() & errorMask()) != 0;
    }

    private int errorMask() {
        return DMASR_ERROR_MASK | (sgDevice != null ? AxiDmaLayout.DMASR_SG_ERROR_MASK : 0);
    }

    /** Bytes moved by the last completed transfer (S2MM: what LENGTH reported, the bytes actually received). */
    public synchronized long transferred() {
        return transferred;
    }

    /**
     * Writes {@code cr} (with Run/Stop set) to DMACR and waits until the channel leaves Halted (at
     * most 1 s): simple and scatter-gather starts alike (PG021, "Programming Sequence").
     */
    private void runUntilStarted(int cr) {
        mmio.write32(base + DMACR, cr);
        Deadline d = Deadline.after(Duration.ofSeconds(1));
        while ((status() & DMASR_HALTED) != 0) {
            if (d.expired()) {
                throw new HardwareTimeoutException(label + " did not start in PT1S: " + decoded(), Duration.ofSeconds(1), registers());
            }
            d.pause(label + " start");
        }
    }

    /**
     * Sets Run/Stop (with the completion and error interrupts enabled when wired) and waits until
     * the channel leaves Halted (at most 1 s).
     *
     * @throws HardwareTimeoutException if it stays halted (e.g. after an error, until {@link AxiDma#reset()})
     */
    public synchronized void start() {
        started = true;
        int cr = DMACR_RS | (irqWired ? DMACR_IOC_IRQ_EN | DMACR_ERR_IRQ_EN : 0);
        runUntilStarted(cr);
        active = null;
    }

    /**
     * Clears Run/Stop and waits until the channel is halted (at most 1 s).
     *
     * @throws HardwareTimeoutException if it does not halt
     */
    public synchronized void stop() {
        mmio.write32(base + DMACR, 0);
        if (chain != null && chain.cyclic()) {
            // PYNQ: a cyclic channel needs a core reset to stop (DMACR.Reset, which resets both channels)
            mmio.write32(AxiDmaLayout.MM2S_DMACR, AxiDmaLayout.DMACR_RESET);
            mmio.write32(AxiDmaLayout.MM2S_DMACR, 0);
        }
        Deadline d = Deadline.after(Duration.ofSeconds(1));
        while ((status() & DMASR_HALTED) == 0) {
            if (d.expired()) {
                throw new HardwareTimeoutException(label + " did not halt in PT1S: " + decoded(), Duration.ofSeconds(1), registers());
            }
            d.pause(label + " stop");
        }
        active = null;
        endChain();
    }

    private void endChain() {
        if (chain != null) {
            chain.close();
            chain = null;
        }
    }

    /** Transfers the whole buffer; see {@link #transfer(ContiguousBuffer, long, long)}. */
    public void transfer(ContiguousBuffer buffer) {
        transfer(buffer, 0, buffer.byteSize());
    }

    /**
     * Starts moving {@code byteCount} bytes from (MM2S) or to (S2MM) {@code buffer} at
     * {@code byteOffset}, and returns at once; {@link #await} waits for the end. MM2S flushes the
     * range first; S2MM invalidates it in {@code await}. Everything is checked before any
     * register is written.
     *
     * @param byteOffset offset into the buffer in bytes
     * @param byteCount bytes to move, 1 .. {@link #maxTransferBytes()}
     * @throws IllegalStateException if the buffer is closed, or the channel is halted or still busy
     * @throws IndexOutOfBoundsException if the range is not inside the buffer
     * @throws IllegalArgumentException if {@code byteCount} exceeds the maximum or the address is misaligned
     */
    public synchronized void transfer(ContiguousBuffer buffer, long byteOffset, long byteCount) {
        if (sgDevice != null) {
            transfer(buffer, byteOffset, byteCount, false);
            return;
        }
        checkRange(buffer, byteOffset, byteCount);
        if (byteCount > maxBytes) {
            throw new IllegalArgumentException(label + ": a transfer of " + byteCount + " bytes exceeds the maximum of "
                    + maxBytes + " bytes (" + maxReason + "); split it");
        }
        long address = checkAddress(buffer.physicalAddress() + byteOffset);
        int sr = status();
        if ((sr & DMASR_HALTED) != 0) {
            throw new IllegalStateException(label + " is halted (DMASR=0x" + Integer.toHexString(sr) + ": "
                    + AxiDmaLayout.describeDmasr(sr) + "); call start()" + ((sr & DMASR_ERROR_MASK) != 0
                    ? " after reset() to clear the error" : ""));
        }
        if (active != null && (sr & DMASR_IDLE) == 0) {
            throw new IllegalStateException(label + " is still busy with the previous transfer of " + activeBytes
                    + " bytes; await() it first");
        }
        if (mm2s) {
            buffer.flush();
        }
        mmio.write32(base + DMASR, DMASR_IRQ_MASK);
        mmio.write32(base + ADDR, (int) address);
        if (wideAddress) {
            mmio.write32(base + ADDR_MSB, (int) (address >>> 32));
        }
        active = buffer;
        activeOffset = byteOffset;
        activeBytes = byteCount;
        activeAddress = address;
        buffer.inUseBy(() -> armedWith(buffer, byteCount));
        mmio.write32(base + LENGTH, (int) byteCount);
    }

    private void checkRange(ContiguousBuffer buffer, long byteOffset, long byteCount) {
        buffer.checkOpen();
        if (byteOffset < 0 || byteCount <= 0 || byteOffset > buffer.byteSize() - byteCount) {
            throw new IndexOutOfBoundsException(label + ": range [" + byteOffset + ", +" + byteCount
                    + ") is not inside the " + buffer.byteSize() + "-byte buffer (and must not be empty)");
        }
    }

    private long checkAddress(long address) {
        if (address % alignment != 0) {
            throw new IllegalArgumentException(label + ": buffer address 0x" + Long.toHexString(address)
                    + " is not a multiple of " + alignment + " bytes (" + alignmentReason + ")");
        }
        if (!wideAddress && (address >>> 32) != 0) {
            throw new IllegalArgumentException(label + ": buffer address 0x" + Long.toHexString(address)
                    + " does not fit the DMA's 32-bit address width");
        }
        return address;
    }

    /** As {@link #transfer(ContiguousBuffer, long, long, boolean)} over the whole buffer. */
    public void transfer(ContiguousBuffer buffer, boolean cyclic) {
        transfer(buffer, 0, buffer.byteSize(), cyclic);
    }

    /**
     * Scatter-gather transfer (PYNQ's {@code _SGDMAChannel.transfer(array, start, nbytes, cyclic)}):
     * builds a descriptor chain over the range (PG021 "Scatter Gather Descriptor"; blocks of at
     * most {@link #maxTransferBytes()}), halts the channel, writes CURDESC, starts it (DMACR.RS,
     * Cyclic_BD_Enable when cyclic, IOC/Err interrupts when wired) and writes TAILDESC, which
     * starts the DMA. Returns at once; {@link #await} waits. MM2S flushes the range first.
     *
     * <p>Cyclic mode (MM2S only) sends the buffer round and round until {@link #stop()}; it has no
     * end to await. A range too short to split keeps one descriptor (PYNQ would divide by zero).
     *
     * @param cyclic loop over the chain until stopped (PG021 DMACR "Cyclic BD Enable")
     * @throws UnsupportedOperationException if the DMA has no scatter-gather (C_INCLUDE_SG=0)
     * @throws IllegalArgumentException for cyclic on S2MM, or a misaligned or out-of-range address
     * @throws IndexOutOfBoundsException if the range is not inside the buffer
     * @throws IllegalStateException if the buffer is closed, the channel is still busy with a
     *         transfer (await or stop it), or in error (reset the DMA)
     */
    public synchronized void transfer(ContiguousBuffer buffer, long byteOffset, long byteCount, boolean cyclic) {
        if (sgDevice == null) {
            if (cyclic) {
                throw new UnsupportedOperationException(label + ": cyclic transfers need scatter-gather (C_INCLUDE_SG=1)");
            }
            transfer(buffer, byteOffset, byteCount);
            return;
        }
        checkRange(buffer, byteOffset, byteCount);
        if (cyclic && !mm2s) {
            throw new IllegalArgumentException(label + ": cyclic mode is for MM2S (the send channel) only, as in PYNQ");
        }
        long address = checkAddress(buffer.physicalAddress() + byteOffset);
        int sr = status();
        if ((sr & errorMask()) != 0) {
            throw new IllegalStateException(label + " is in error (DMASR=0x" + Integer.toHexString(sr) + ": "
                    + AxiDmaLayout.describeDmasr(sr) + "); reset() the DMA first");
        }
        if (chain != null && (sr & (DMASR_IDLE | DMASR_HALTED)) == 0) {
            throw new IllegalStateException(label + " is still busy with " + (chain.cyclic() ? "a cyclic transfer; stop() it"
                    : "the previous transfer (" + chain.progress() + "); await() it") + " first");
        }
        if (chain != null) {
            stop();  // the previous chain was not awaited: it is over, drop its descriptors
        }
        SgChain next = SgChain.build(sgDevice, address, byteCount, maxBytes, alignment, cyclic);
        if (mm2s) {
            buffer.flush();
        }
        stop();
        chain = next;
        mmio.write32(base + AxiDmaLayout.CURDESC, (int) next.first());
        mmio.write32(base + AxiDmaLayout.CURDESC_MSB, (int) (next.first() >>> 32));
        active = buffer;
        activeOffset = byteOffset;
        activeBytes = byteCount;
        activeAddress = address;
        transferred = 0;
        buffer.inUseBy(() -> armedWith(buffer, byteCount));
        int cr = DMACR_RS | (irqWired ? DMACR_IOC_IRQ_EN | DMACR_ERR_IRQ_EN : 0) | (cyclic ? AxiDmaLayout.DMACR_CYCLIC_BD_ENABLE : 0);
        mmio.write32(base + DMASR, DMASR_IRQ_MASK);
        runUntilStarted(cr);
        mmio.write32(base + AxiDmaLayout.TAILDESC, (int) next.tail());  // starts fetching (PG021 TAILDESC)
        mmio.write32(base + AxiDmaLayout.TAILDESC_MSB, (int) (next.tail() >>> 32));
    }

    /**
     * Waits until the transfer started by {@link #transfer} completes, then (S2MM) invalidates the
     * buffer range and records {@link #transferred()}. Returns at once if none is in flight.
     *
     * @throws DmaTimeoutException after {@code timeout}, with the decoded DMASR; the transfer is
     *         left as it is ({@link AxiDma#reset()} aborts it)
     * @throws DeviceException if the DMA reports an error (DMAIntErr/DMASlvErr/DMADecErr), decoded
     * @throws java.util.concurrent.CancellationException if the thread is interrupted
     */
    public synchronized void await(Duration timeout) {
        awaitUntil(timeout, Deadline.after(timeout));
    }

    /** {@link #await(Duration)} against a deadline already running ({@link DmaAsyncWait} started it). */
    synchronized void awaitUntil(Duration timeout, Deadline d) {
        if (sgDevice != null) {
            awaitChain(timeout, d);
        } else {
            awaitTransfer(timeout, d);
        }
    }

    /**
     * As {@link #awaitAsync(Duration)} with {@link Deadline#defaultTimeout()}: PYNQ's
     * {@code await dma.recvchannel.wait_async()}.
     */
    public CompletableFuture<Long> awaitAsync() {
        return awaitAsync(Deadline.defaultTimeout());
    }

    /**
     * Waits for the transfer started by {@link #transfer} on a daemon thread (PYNQ's
     * {@code wait_async}, without an event loop): the future completes with {@link #transferred()}
     * once {@link #await(Duration)} would return, or fails with what it would throw
     * ({@link DmaTimeoutException} after {@code timeout}, with DMASR and, in scatter-gather mode,
     * CURDESC and TAILDESC; {@link DeviceException} on a DMA error). Where the channel's interrupt
     * ({@code mm2s_introut}/{@code s2mm_introut}) reaches the PS, through the design's AXI INTC or
     * directly, the waiter sleeps on it (DMACR.IOC_IrqEn and Err_IrqEn are set by
     * {@link #transfer}); otherwise it polls DMASR as {@link #await(Duration)} does.
     * {@code cancel(true)} ends the wait and leaves the transfer running. Returns a completed
     * future when no transfer is in flight.
     *
     * @param timeout the longest wait
     * @throws IllegalStateException at once for a cyclic transfer, which never ends
     * @throws IllegalArgumentException if {@code timeout} is negative
     */
    public synchronized CompletableFuture<Long> awaitAsync(Duration timeout) {
        Deadline d = Deadline.after(timeout);
        if (chain != null && chain.cyclic()) {
            throw cyclicNeverEnds();
        }
        Interrupt irq = irqWired ? dma.interrupt(mm2s ? "mm2s_introut" : "s2mm_introut") : null;
        return DmaAsyncWait.start(this, irq, timeout, d);
    }

    /** Whether the transfer in flight has ended (done, halted or failed), or none is in flight; reads DMASR. */
    boolean settled() {
        if (active == null) {
            return true;
        }
        return (status() & (DMASR_IDLE | DMASR_HALTED | errorMask())) != 0;
    }

    /**
     * Clears IOC_Irq and Dly_Irq (write 1 to clear), so that an interrupt that did not end the
     * transfer (an S2MM packet ending before the last descriptor) does not hold the line up.
     */
    void clearCompletionInterrupt() {
        mmio.write32(base + DMASR, AxiDmaLayout.DMASR_IOC_IRQ | AxiDmaLayout.DMASR_DLY_IRQ);
    }

    String label() {
        return label;
    }

    /**
     * As {@link #await(Duration)} with {@link io.jynq.overlay.Deadline#defaultTimeout()} (one minute unless
     * {@code JYNQ_WAIT_TIMEOUT} says otherwise): PYNQ's {@code dma.sendchannel.wait()}. (Java's
     * {@code wait()} is {@code Object.wait}, which needs a monitor: the kernel points at this.)
     *
     * @throws DmaTimeoutException after the default deadline, with the decoded DMASR
     */
    public void await() {
        await(io.jynq.overlay.Deadline.defaultTimeout());
    }

    private void awaitTransfer(Duration timeout, Deadline d) {
        if (active == null) {
            return;
        }
        int sr;
        while (true) {
            sr = status();
            if ((sr & DMASR_ERROR_MASK) != 0) {
                active = null;
                throw new DeviceException(label + " failed: DMASR=0x" + Integer.toHexString(sr) + " ("
                        + AxiDmaLayout.describeDmasr(sr) + "); reset() the DMA before the next transfer");
            }
            if ((sr & DMASR_IDLE) != 0) {
                break;
            }
            if ((sr & DMASR_HALTED) != 0) {
                ContiguousBuffer gone = active;
                active = null;
                throw new DeviceException(label + " was halted before its transfer of " + activeBytes + " bytes at 0x"
                        + Long.toHexString(activeAddress) + (gone.isClosed() ? " (a buffer since freed)" : "")
                        + " finished: DMASR=0x" + Integer.toHexString(sr) + " (" + AxiDmaLayout.describeDmasr(sr)
                        + "); the stream data it had not moved is lost");
            }
            if (d.expired()) {
                throw new DmaTimeoutException(label + " did not finish in " + timeout + ": DMASR=0x"
                        + String.format("%08x", sr) + " (" + AxiDmaLayout.describeDmasr(sr) + "), " + activeBytes
                        + " bytes at 0x" + Long.toHexString(activeAddress) + (active.isClosed() ? " (a buffer since freed)" : "")
                        + (mm2s ? "; an MM2S stalls once the stream path's FIFOs are full: arm the receive channel"
                                + " (recvChannel().transfer) before waiting on the send"
                                : "; does the stream end with TLAST?") + dma.overlay().device().waitReport(),
                        timeout, registers(), sr);
            }
            d.pause(label);
        }
        mmio.write32(base + DMASR, sr & DMASR_IRQ_MASK);
        if (mm2s) {
            transferred = activeBytes;
        } else {
            transferred = mmio.read32(base + LENGTH) & 0xFFFF_FFFFL;
            if (!active.isClosed()) {
                active.invalidate();
            }
        }
        active = null;
    }

    /**
     * Scatter-gather await, as PYNQ's {@code _SGDMAChannel.wait}: until DMASR says idle (the tail
     * descriptor is done) or halted; then the moved bytes are summed from the descriptors' STATUS
     * words, the channel is halted and the descriptors freed.
     */
    private void awaitChain(Duration timeout, Deadline d) {
        if (chain == null) {
            return;
        }
        if (chain.cyclic()) {
            throw cyclicNeverEnds();
        }
        int sr;
        while (true) {
            sr = status();
            if ((sr & errorMask()) != 0) {
                chain.refresh();
                String where = " at CURDESC=0x" + Integer.toHexString(mmio.read32(base + AxiDmaLayout.CURDESC)) + ", "
                        + chain.progress();
                active = null;
                stopQuietly();
                throw new DeviceException(label + " failed: DMASR=0x" + Integer.toHexString(sr) + " ("
                        + AxiDmaLayout.describeDmasr(sr) + ")" + where + "; reset() the DMA before the next transfer");
            }
            if ((sr & (DMASR_IDLE | DMASR_HALTED)) != 0) {
                break;
            }
            if (d.expired()) {
                chain.refresh();
                throw new DmaTimeoutException(label + " did not finish in " + timeout + ": DMASR=0x" + String.format("%08x", sr)
                        + " (" + AxiDmaLayout.describeDmasr(sr) + "), CURDESC=0x"
                        + Integer.toHexString(mmio.read32(base + AxiDmaLayout.CURDESC)) + ", TAILDESC=0x"
                        + Integer.toHexString(mmio.read32(base + AxiDmaLayout.TAILDESC)) + ", " + chain.progress() + " for " + activeBytes + " bytes at 0x"
                        + Long.toHexString(activeAddress) + (mm2s ? "" : "; S2MM fills every descriptor, so the stream must"
                        + " bring all " + activeBytes + " bytes (a packet ends a descriptor early with RXEOF)"),
                        timeout, registers(), sr);
            }
            d.pause(label);
        }
        if (!mm2s && !active.isClosed()) {
            active.invalidate();
        }
        chain.refresh();
        try {
            long moved = chain.transferred(label);
            if ((sr & DMASR_IDLE) == 0 && chain.completed() < chain.count()) {
                throw new DeviceException(label + " was halted before its transfer finished (" + chain.progress() + ", "
                        + moved + " of " + activeBytes + " bytes): DMASR=0x" + Integer.toHexString(sr));
            }
            transferred = moved;
        } finally {
            active = null;
            stopQuietly();
        }
    }

    private IllegalStateException cyclicNeverEnds() {
        return new IllegalStateException(label + " runs a cyclic transfer, which never ends: stop() ends it"
                + " (PYNQ: 'Cannot wait in cyclic BD mode')");
    }

    /** Halts the channel and frees the chain, keeping an earlier exception the one reported. */
    private void stopQuietly() {
        try {
            stop();
        } catch (RuntimeException e) {
            endChain();
        }
    }

    /** After a core reset: simple mode starts again, scatter-gather stays halted with no chain. */
    synchronized void afterReset() {
        active = null;
        if (chain != null) {
            chain.close();
            chain = null;
        }
        if (sgDevice == null) {
            start();
        }
    }

    /**
     * What holds {@code buffer} (for {@link ContiguousBuffer#close()}), or null once this channel
     * is done with it: another transfer started, or DMASR says idle, halted or failed (a design
     * gone from the PL cannot write it either).
     */
    private String armedWith(ContiguousBuffer buffer, long bytes) {
        if (active != buffer) {
            return null;
        }
        try {
            int sr = status();
            if ((sr & (DMASR_IDLE | DMASR_HALTED | DMASR_ERROR_MASK)) != 0) {
                return null;
            }
            return label + " is armed with " + bytes + " bytes of it (" + decoded() + ")";
        } catch (RuntimeException e) {
            return null;
        }
    }

    Map<String, Long> registers() {
        Map<String, Long> m = new LinkedHashMap<>();
        String p = direction() + "_";
        m.put(p + "DMACR", mmio.read(base + DMACR));
        m.put(p + "DMASR", mmio.read(base + DMASR));
        if (sgDevice != null) {
            m.put(p + "CURDESC", mmio.read(base + AxiDmaLayout.CURDESC));
            m.put(p + "TAILDESC", mmio.read(base + AxiDmaLayout.TAILDESC));
        } else {
            m.put(p + (mm2s ? "SA" : "DA"), mmio.read(base + ADDR));
            m.put(p + "LENGTH", mmio.read(base + LENGTH));
        }
        return m;
    }

    /** DMASR in hex with its bits named (PG021 "MM2S_DMASR – Offset 04h"), for error messages. */
    String decoded() {
        int sr = status();
        return "DMASR=0x" + Integer.toHexString(sr) + " (" + AxiDmaLayout.describeDmasr(sr) + ")";
    }

    /** {@code halted}, {@code error}, {@code idle} or {@code busy}. */
    String state() {
        int sr = status();
        if ((sr & errorMask()) != 0) {
            return "error";
        }
        if ((sr & DMASR_HALTED) != 0) {
            return "halted";
        }
        if (chain != null && chain.cyclic()) {
            return "cyclic";
        }
        return (sr & DMASR_IDLE) != 0 || active == null ? "idle" : "busy";
    }

    /** One line, e.g. {@code DmaChannel[S2MM of axi_dma_0, idle]}. */
    @Override
    public String toString() {
        return "DmaChannel[" + label + ", " + state() + "]";
    }
}
