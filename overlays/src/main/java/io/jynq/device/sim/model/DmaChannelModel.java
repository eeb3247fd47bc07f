package io.jynq.device.sim.model;

import static io.jynq.ip.AxiDmaLayout.ADDR;
import static io.jynq.ip.AxiDmaLayout.ADDR_MSB;
import static io.jynq.ip.AxiDmaLayout.CHANNEL_BYTES;
import static io.jynq.ip.AxiDmaLayout.CURDESC;
import static io.jynq.ip.AxiDmaLayout.CURDESC_MSB;
import static io.jynq.ip.AxiDmaLayout.DMACR;
import static io.jynq.ip.AxiDmaLayout.DMACR_ERR_IRQ_EN;
import static io.jynq.ip.AxiDmaLayout.DMACR_DLY_IRQ_EN;
import static io.jynq.ip.AxiDmaLayout.DMACR_IOC_IRQ_EN;
import static io.jynq.ip.AxiDmaLayout.DMACR_RESERVED_ONE;
import static io.jynq.ip.AxiDmaLayout.DMACR_RESET;
import static io.jynq.ip.AxiDmaLayout.DMACR_RESET_VALUE;
import static io.jynq.ip.AxiDmaLayout.DMACR_RS;
import static io.jynq.ip.AxiDmaLayout.DMASR;
import static io.jynq.ip.AxiDmaLayout.DMASR_DLY_IRQ;
import static io.jynq.ip.AxiDmaLayout.DMASR_DMA_DEC_ERR;
import static io.jynq.ip.AxiDmaLayout.DMASR_DMA_INT_ERR;
import static io.jynq.ip.AxiDmaLayout.DMASR_DMA_SLV_ERR;
import static io.jynq.ip.AxiDmaLayout.DMASR_ERR_IRQ;
import static io.jynq.ip.AxiDmaLayout.DMASR_HALTED;
import static io.jynq.ip.AxiDmaLayout.DMASR_IDLE;
import static io.jynq.ip.AxiDmaLayout.DMASR_IOC_IRQ;
import static io.jynq.ip.AxiDmaLayout.DMASR_IRQ_MASK;
import static io.jynq.ip.AxiDmaLayout.DMASR_SG_INCLD;
import static io.jynq.ip.AxiDmaLayout.LENGTH;
import static io.jynq.ip.AxiDmaLayout.SG_CTL;
import static io.jynq.ip.AxiDmaLayout.TAILDESC;
import static io.jynq.ip.AxiDmaLayout.TAILDESC_MSB;

import java.nio.ByteBuffer;

/** One channel (MM2S or S2MM) of {@link AxiDmaModel}; offsets are the IP's, {@code base} 0 or 0x30. */
final class DmaChannelModel {
    private final RegisterStore regs;
    private final int base;
    private final boolean mm2s;
    private final int lengthMask;
    private final boolean sg;
    /** The scatter-gather engine, or null in direct register mode. */
    private final DmaSgEngine engine;
    /** A micro DMA's largest LENGTH (one burst), or 0 when not a micro DMA. */
    private final int microLimit;
    private final InterruptOut irq;
    private final StreamOut out;
    private final StreamIn in;
    private final MemoryBus memory;

    private boolean busy;
    private long address;
    private int capacity;
    private int received;
    private int sent;
    private ByteBuffer source;
    private long lastBytes;
    /** The address {@link MemoryBus#hold held} for the running transfer, or -1. */
    private long held = -1;

    DmaChannelModel(IpContext ctx, int base, boolean mm2s, int lengthBits, boolean sg, int microLimit) {
        this.regs = ctx.registers();
        this.base = base;
        this.mm2s = mm2s;
        this.lengthMask = lengthBits >= 32 ? -1 : (1 << lengthBits) - 1;
        this.sg = sg;
        this.irq = ctx.interrupt(mm2s ? "mm2s_introut" : "s2mm_introut");
        this.out = mm2s ? ctx.streamOut("M_AXIS_MM2S") : null;
        this.in = mm2s ? null : ctx.streamIn("S_AXIS_S2MM");
        this.memory = ctx.memory();
        this.microLimit = microLimit;
        this.engine = sg ? new DmaSgEngine(ctx, base, mm2s, this::fail, this::updateIrq) : null;
        if (mm2s) {
            out.onRoom(this::pump);
        }
    }

    void reset() {
        for (int off = 0; off < CHANNEL_BYTES; off += 4) {
            if (base + off != SG_CTL || !mm2s) {  // SG_CTL is not a channel register
                regs.put(base + off, 0);
            }
        }
        regs.put(base + DMACR, DMACR_RESET_VALUE);
        regs.put(base + DMASR, DMASR_HALTED | (sg ? DMASR_SG_INCLD : 0));
        stopped();
        if (engine != null) {
            engine.reset();
        }
        updateIrq();
    }

    /** The transfer is over (done, failed, halted or reset): the memory it held may be reused. */
    private void stopped() {
        if (engine != null) {
            engine.stop();
        }
        busy = false;
        source = null;
        if (held >= 0) {
            memory.release(held);
            held = -1;
        }
    }

    int read(int off) {
        if (engine != null && off == base + DMASR) {
            engine.run();  // progress a cyclic chain whose sink takes everything (see DmaSgEngine)
        }
        return regs.get(off);
    }

    /** Handles a DMACR write; returns true when it asks for a core reset. */
    boolean writeControl(int off, int value, int strobe) {
        if (off != base + DMACR) {
            return false;
        }
        int v = RegisterStore.merge(regs.get(off), value, strobe);
        if ((v & DMACR_RESET) != 0) {
            return true;
        }
        int old = regs.get(off);
        regs.put(off, v | DMACR_RESERVED_ONE);
        if (engine != null) {
            engine.controlWritten(old, v);
        }
        int sr = regs.get(base + DMASR);
        if ((v & DMACR_RS) != 0 && (old & DMACR_RS) == 0 && (sr & (DMASR_DMA_INT_ERR | DMASR_DMA_DEC_ERR | DMASR_DMA_SLV_ERR)) == 0) {
            regs.put(base + DMASR, sr & ~DMASR_HALTED);
        } else if ((v & DMACR_RS) == 0) {
            stopped();  // PG021: pending transfers are flushed, streams may be cut short
            regs.put(base + DMASR, sr | DMASR_HALTED);
        }
        updateIrq();
        return false;
    }

    void write(int off, int value, int strobe) {
        int rel = off - base;
        int v = RegisterStore.merge(regs.get(off), value, strobe);
        if (rel == DMASR) {
            regs.put(off, regs.get(off) & ~(value & DMASR_IRQ_MASK));  // write 1 to clear
            updateIrq();
        } else if (engine != null) {
            // scatter-gather mode has no ADDR/LENGTH registers (PG021 "Scatter/Gather Mode Register Address Map")
            if (rel == CURDESC || rel == CURDESC_MSB || rel == TAILDESC || rel == TAILDESC_MSB) {
                engine.pointerWritten(rel, v, (regs.get(base + DMASR) & DMASR_HALTED) != 0);
            } else if (mm2s && rel == SG_CTL) {
                regs.put(off, v);
            }
        } else if (rel == LENGTH) {
            regs.put(off, v & lengthMask);
            start(v & lengthMask);
        } else if (rel == ADDR || rel == ADDR_MSB) {
            regs.put(off, v);
        }
    }

    private boolean running() {
        return (regs.get(base + DMACR) & DMACR_RS) != 0 && (regs.get(base + DMASR) & DMASR_HALTED) == 0;
    }

    private void start(int length) {
        if (length == 0 || !running() || busy) {
            return;  // PG021: LENGTH has no effect while halted; zero does not start
        }
        address = (regs.get(base + ADDR) & 0xFFFF_FFFFL) | ((long) regs.get(base + ADDR_MSB) << 32);
        if (microLimit > 0 && length > microLimit) {
            fail(DMASR_DMA_INT_ERR);  // PG021 "Micro DMA": one transfer is at most one burst
            return;
        }
        capacity = length;
        received = 0;
        busy = true;
        regs.put(base + DMASR, regs.get(base + DMASR) & ~DMASR_IDLE);
        ByteBuffer window = memory.window(address, length);
        if (window == null) {
            fail(DMASR_DMA_DEC_ERR);
            return;
        }
        memory.hold(address, length);
        held = address;
        if (mm2s) {
            source = window;
            sent = 0;
            pump();
        } else {
            receive();
        }
    }

    /**
     * Sends as much of the MM2S buffer as the stream takes; runs again when room frees. An
     * unconnected stream, or one nobody drains, never takes the rest: the channel stays busy.
     */
    void pump() {
        if (engine != null) {
            engine.run();
            return;
        }
        if (!mm2s || !busy || source == null) {
            return;
        }
        while (sent < capacity) {
            int n = out.offer(source.duplicate().position(sent), true);
            if (n <= 0) {
                return;
            }
            sent += n;
        }
        source = null;
        complete(capacity);
    }

    /** S2MM: writes offered bytes straight to the armed buffer (nothing is queued before them). */
    int accept(ByteBuffer data, boolean last) {
        if (mm2s || engine != null || !busy || in.available() > 0) {  // SG: the link queues, receive() takes
            return 0;
        }
        int n = Math.min(data.remaining(), capacity - received);
        if (n <= 0) {
            return 0;
        }
        ByteBuffer w = memory.window(address + received, n);
        if (w == null) {
            fail(DMASR_DMA_DEC_ERR);
            return 0;
        }
        w.put(data.duplicate().limit(data.position() + n));
        received += n;
        if (last && n == data.remaining()) {
            regs.put(base + LENGTH, received);
            complete(received);
        }
        return n;
    }

    /** Moves queued stream bytes into the armed S2MM buffer. */
    void receive() {
        if (engine != null) {
            engine.run();
            return;
        }
        if (mm2s || !busy) {
            return;
        }
        while (busy) {
            int room = capacity - received;
            if (room == 0) {
                if (in.available() > 0) {
                    fail(DMASR_DMA_INT_ERR);  // the packet is longer than the buffer
                }
                return;
            }
            StreamChunk c = in.take(room);
            if (c == null) {
                return;
            }
            ByteBuffer w = memory.window(address + received, c.data().length);
            if (w == null) {
                fail(DMASR_DMA_DEC_ERR);
                return;
            }
            w.put(0, c.data());
            received += c.data().length;
            if (c.last()) {
                regs.put(base + LENGTH, received);  // LENGTH reports the bytes received
                complete(received);
            }
        }
    }

    private void complete(int bytes) {
        stopped();
        lastBytes = bytes;
        regs.put(base + DMASR, regs.get(base + DMASR) | DMASR_IDLE | DMASR_IOC_IRQ);
        updateIrq();
    }

    /** Halts with an error: DMASR gets the bit, Err_Irq and Halted, DMACR.RS clears (PG021). */
    private void fail(int errorBit) {
        stopped();
        regs.put(base + DMASR, regs.get(base + DMASR) | errorBit | DMASR_ERR_IRQ | DMASR_HALTED);
        regs.put(base + DMACR, regs.get(base + DMACR) & ~DMACR_RS);  // PG021: RS is cleared on error
        updateIrq();
    }

    private void updateIrq() {
        int cr = regs.get(base + DMACR);
        int sr = regs.get(base + DMASR);
        boolean on = ((sr & DMASR_IOC_IRQ) != 0 && (cr & DMACR_IOC_IRQ_EN) != 0)
                || ((sr & DMASR_DLY_IRQ) != 0 && (cr & DMACR_DLY_IRQ_EN) != 0)
                || ((sr & DMASR_ERR_IRQ) != 0 && (cr & DMACR_ERR_IRQ_EN) != 0);
        irq.set(on);
    }

    /** Lets {@code cycles} cycles pass: the scatter-gather delay timer counts (direct register mode has none). */
    void advance(long cycles) {
        if (engine != null) {
            engine.advance(cycles);
        }
    }

    /** S2MM: bytes the running transfer still takes (0 when none runs). */
    long bytesLeft() {
        return busy && !mm2s ? capacity - received : 0;
    }

    long lastTransferBytes() {
        return lastBytes;
    }
}
