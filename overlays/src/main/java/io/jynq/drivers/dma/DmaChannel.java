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
import io.jynq.device.DeviceException;
import io.jynq.error.HardwareTimeoutException;
import io.jynq.ip.AxiDmaLayout;
import io.jynq.mmio.Mmio;
import io.jynq.overlay.Deadline;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One direction of an {@link AxiDma} in simple mode: MM2S (memory to stream, "send") or S2MM
 * (stream to memory, "receive"). Registers per PG021 v7.1, "Direct Register Mode Register
 * Address Map" ({@link AxiDmaLayout}), S2MM 0x30 above MM2S.
 *
 * <p>States: <em>halted</em> (after {@link #stop()}, a reset or an error) → {@link #start()} →
 * <em>idle</em> → {@link #transfer} → <em>busy</em> → {@link #await} → <em>idle</em>. A
 * transfer is refused while halted or busy.
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

    DmaChannel(AxiDma dma, Mmio mmio, boolean mm2s, int alignment, String alignmentReason, boolean wideAddress,
            boolean irqWired, long maxBytes, String maxReason) {
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

    /** Starts the channel unless it was started before (the driver's first use). */
    synchronized void startOnce() {
        if (!started) {
            start();
        }
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

    /** Whether an error bit (DMAIntErr, DMASlvErr, DMADecErr) is set. */
    public boolean error() {
        return (status() & DMASR_ERROR_MASK) != 0;
    }

    /** Bytes moved by the last completed transfer (S2MM: what LENGTH reported, the bytes actually received). */
    public synchronized long transferred() {
        return transferred;
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
        mmio.write32(base + DMACR, cr);
        Deadline d = Deadline.after(Duration.ofSeconds(1));
        while ((status() & DMASR_HALTED) != 0) {
            if (d.expired()) {
                throw new HardwareTimeoutException(label + " did not start in PT1S: " + decoded(), Duration.ofSeconds(1), registers());
            }
            d.pause(label + " start");
        }
        active = null;
    }

    /**
     * Clears Run/Stop and waits until the channel is halted (at most 1 s).
     *
     * @throws HardwareTimeoutException if it does not halt
     */
    public synchronized void stop() {
        mmio.write32(base + DMACR, 0);
        Deadline d = Deadline.after(Duration.ofSeconds(1));
        while ((status() & DMASR_HALTED) == 0) {
            if (d.expired()) {
                throw new HardwareTimeoutException(label + " did not halt in PT1S: " + decoded(), Duration.ofSeconds(1), registers());
            }
            d.pause(label + " stop");
        }
        active = null;
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
        buffer.checkOpen();
        if (byteOffset < 0 || byteCount <= 0 || byteOffset > buffer.byteSize() - byteCount) {
            throw new IndexOutOfBoundsException(label + ": range [" + byteOffset + ", +" + byteCount
                    + ") is not inside the " + buffer.byteSize() + "-byte buffer (and must not be empty)");
        }
        if (byteCount > maxBytes) {
            throw new IllegalArgumentException(label + ": a transfer of " + byteCount + " bytes exceeds the maximum of "
                    + maxBytes + " bytes (" + maxReason + "); split it");
        }
        long address = buffer.physicalAddress() + byteOffset;
        if (address % alignment != 0) {
            throw new IllegalArgumentException(label + ": buffer address 0x" + Long.toHexString(address)
                    + " is not a multiple of " + alignment + " bytes (" + alignmentReason + ")");
        }
        if (!wideAddress && (address >>> 32) != 0) {
            throw new IllegalArgumentException(label + ": buffer address 0x" + Long.toHexString(address)
                    + " does not fit the DMA's 32-bit address width");
        }
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
        awaitTransfer(timeout);
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

    private void awaitTransfer(Duration timeout) {
        if (active == null) {
            return;
        }
        Deadline d = Deadline.after(timeout);
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
                        + (mm2s ? "" : "; does the stream end with TLAST?") + dma.overlay().device().waitReport(),
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
        m.put(p + (mm2s ? "SA" : "DA"), mmio.read(base + ADDR));
        m.put(p + "LENGTH", mmio.read(base + LENGTH));
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
        if ((sr & DMASR_ERROR_MASK) != 0) {
            return "error";
        }
        if ((sr & DMASR_HALTED) != 0) {
            return "halted";
        }
        return (sr & DMASR_IDLE) != 0 || active == null ? "idle" : "busy";
    }

    /** One line, e.g. {@code DmaChannel[S2MM of axi_dma_0, idle]}. */
    @Override
    public String toString() {
        return "DmaChannel[" + label + ", " + state() + "]";
    }
}
