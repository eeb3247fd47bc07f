package io.jynq.device.sim.rtl;

import io.jynq.device.sim.model.IpContext;
import io.jynq.device.sim.model.IpModel;
import io.jynq.device.sim.model.RegisterStore;
import io.jynq.device.sim.model.StreamChunk;
import io.jynq.device.sim.model.StreamIn;
import io.jynq.device.sim.model.StreamOut;
import io.jynq.error.HardwareTimeoutException;
import io.jynq.ffi.rtl.RtlModelHandle;
import io.jynq.ffi.rtl.RtlModelHandle.LiteResponse;
import io.jynq.ffi.rtl.RtlModelHandle.StreamResult;
import io.jynq.metadata.PortDescription;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An IP of the simulated PL run from its RTL by Verilator, cycle by cycle. Register reads and
 * writes are whole AXI4-Lite handshakes on the RTL's slave; data a DMA sends on the bound
 * AXI4-Stream slave goes into the RTL straight from simulated DDR, and what the RTL's master
 * sends goes to the connected slave (a DMA S2MM writes it straight into DDR): no copy through
 * Java arrays. The RTL's interrupt output drives the design's interrupt wire (to an AXI INTC or
 * the PS) like any model's.
 *
 * <p>Interfaces the RTL does not have stay with the model the IP had before ({@code previous}),
 * or, when it had none, with its plain register file.
 *
 * <p>Time: each register access first lets the cycles pass that the rest of the design spent
 * since the last one ({@link #advance}), then runs the handshake's own cycles; stream bursts run
 * as many cycles as the transfer takes. One cycle is one period of the IP's clock in the design
 * ({@code CLKFREQUENCY} of its clock port; 100 MHz when the IP is not in the design's clocks).
 */
public class RtlModel implements IpModel {
    /** Cycles without a beat moving after which a burst ends (the RTL's pipeline has drained or it stalls). */
    static final long IDLE_CYCLES = 64;
    private static final int OUT_BYTES = 64 * 1024;
    /** Single-cycle ticks batched into one native call for an RTL with an interrupt (see {@link #advance}). */
    static final int TICK_BATCH = 16;

    private final IpContext ctx;
    private final IpModel previous;
    private final RtlModelHandle rtl;
    private final RtlPortMatcher ports;
    private final long clockHz;
    private final StreamOut out;
    private final ByteBuffer outBuf = ByteBuffer.allocateDirect(OUT_BYTES);
    private int outPos;
    private int outLen;
    private boolean outLast;
    private ByteBuffer pendingIn;
    private boolean pendingInLast;
    private long pending;
    private boolean irq;
    private String stall;

    /**
     * @param ctx the IP's context in the design
     * @param previous the IP's model before the binding (null for a register file): it keeps the
     *     interfaces the RTL lacks
     * @param rtl the live Verilator model; this model owns it from now on
     * @param ports which HDL port is which, and the design interfaces they bind to
     */
    public RtlModel(IpContext ctx, IpModel previous, RtlModelHandle rtl, RtlPortMatcher ports) {
        this.ctx = ctx;
        this.previous = previous;
        this.rtl = rtl;
        this.ports = ports;
        this.clockHz = clockHz(ctx, ports);
        this.out = rtl.hasStreamOut() && ports.masterInterface() != null ? ctx.streamOut(ports.masterInterface()) : null;
        if (out != null) {
            out.onRoom(this::resume);
        }
    }

    private static long clockHz(IpContext ctx, RtlPortMatcher ports) {
        if (ctx.module() == null) {
            return 100_000_000L;
        }
        return ctx.module().ports().values().stream().filter(p -> "clk".equalsIgnoreCase(p.sigis()))
                .map(PortDescription::clkFrequencyHz).filter(f -> f != null && f > 0).findFirst().orElse(100_000_000L);
    }

    /** The IP's clock in Hz, from the design. */
    public long clockHz() {
        return clockHz;
    }

    /** Rising edges of the IP's clock since the model was created, including those not yet run. */
    public long cycles() {
        return rtl.cycles() + pending;
    }

    /** Simulated time of this IP: {@link #cycles()} periods of its clock. */
    public Duration simulatedTime() {
        return Duration.ofNanos((long) (cycles() * 1e9 / clockHz));
    }

    /** The last stall seen: the interface and the signal the RTL never raised, or null. */
    public String stall() {
        return stall;
    }

    /** The model the IP had before the binding (it keeps the interfaces the RTL lacks), or null. */
    public IpModel previous() {
        return previous;
    }

    /** The Verilator model. */
    public RtlModelHandle handle() {
        return rtl;
    }

    /** Which HDL port is which. */
    public RtlPortMatcher ports() {
        return ports;
    }

    /**
     * Writes a VCD waveform of every RTL signal to {@code file} from now on; null stops.
     *
     * @throws IllegalStateException if the file cannot be written
     */
    public void trace(Path file) {
        flushPending();
        rtl.trace(file, Math.max(1, 1_000_000_000_000L / clockHz));
    }

    @Override
    public int read(int byteOffset) {
        if (!rtl.hasLite()) {
            return previous != null ? previous.read(byteOffset) : ctx.registers().get(byteOffset);
        }
        LiteResponse r = rtl.read32(byteOffset, take());
        interrupt();
        if (r.stalled()) {
            throw stalled("read", byteOffset, r);
        }
        return r.data();
    }

    @Override
    public void write(int byteOffset, int value, int byteStrobe) {
        if (!rtl.hasLite()) {
            if (previous != null) {
                previous.write(byteOffset, value, byteStrobe);
            } else {
                RegisterStore s = ctx.registers();
                s.put(byteOffset, RegisterStore.merge(s.get(byteOffset), value, byteStrobe));
            }
            return;
        }
        LiteResponse r = rtl.write32(byteOffset, value, byteStrobe, take());
        interrupt();
        if (r.stalled()) {
            throw stalled("write", byteOffset, r);
        }
    }

    private HardwareTimeoutException stalled(String what, int offset, LiteResponse r) {
        stall = ctx.name() + " AXI4-Lite slave (" + ports.roles().roles().get("L_" + r.waitingFor()) + ") never raised "
                + r.waitingFor();
        Map<String, Long> regs = new LinkedHashMap<>();
        regs.put("handshake", (long) rtl.probe());
        return new HardwareTimeoutException(String.format("%s: the %s at offset 0x%X did not finish in %d cycles: %s",
                ctx.name(), what, offset, RtlModelHandle.LITE_LIMIT_CYCLES, stall), Duration.ofNanos(
                        (long) (RtlModelHandle.LITE_LIMIT_CYCLES * 1e9 / clockHz)), regs);
    }

    private long take() {
        long p = pending;
        pending = 0;
        return p;
    }

    private void interrupt() {
        boolean level = rtl.interrupt();
        if (level != irq && ports.interruptPort() != null) {
            irq = level;
            ctx.interrupt(ports.interruptPort()).set(level);
        }
    }

    @Override
    public int streamAccept(String slaveInterface, ByteBuffer data, boolean last) {
        if (!slaveInterface.equals(ports.slaveInterface()) || !rtl.hasStreamIn()) {
            return previous == null ? 0 : previous.streamAccept(slaveInterface, data, last);
        }
        if (pendingIn != null || !flushOutput()) {
            return 0;
        }
        int taken = feed(data, last);
        interrupt();
        return taken;
    }

    /** Streams {@code data} into the RTL while its output drains; returns the bytes taken. */
    private int feed(ByteBuffer data, boolean last) {
        int taken = 0;
        int total = data.remaining();
        while (true) {
            ByteBuffer in = data.duplicate();
            in.position(data.position() + taken);
            if (pending > 0) {
                rtl.run(take());  // the time that passed before these bytes arrived
            }
            StreamResult r = rtl.stream(in, last, outBuf.clear(), IDLE_CYCLES, Long.MAX_VALUE);
            taken += r.consumed();
            outPos = 0;
            outLen = r.produced();
            outLast = r.outputLast();
            if (r.status() == StreamResult.Status.INPUT_STALLED && outLen == 0) {
                stall = ctx.name() + " AXI4-Stream slave " + ports.slaveInterface() + " ("
                        + ports.roles().roles().get("SI_TREADY") + ") kept TREADY low for " + IDLE_CYCLES + " cycles";
                return taken;
            }
            if (!flushOutput()) {
                return taken;
            }
            if (taken >= total && r.status() != StreamResult.Status.PACKET && r.status() != StreamResult.Status.OUTPUT_FULL) {
                return taken;
            }
        }
    }

    /** Hands the RTL's output to the connected slave; false while some of it waits for room. */
    private boolean flushOutput() {
        while (outPos < outLen) {
            if (out == null) {
                outPos = outLen;  // a master the design does not connect: nothing to send to
                return true;
            }
            ByteBuffer b = outBuf.duplicate();
            b.position(outPos).limit(outLen);
            int n = out.offer(b, outLast);
            if (n <= 0) {
                stall = ctx.name() + " AXI4-Stream master " + ports.masterInterface() + " ("
                        + ports.roles().roles().get("SO_TVALID") + ") holds data the connected slave does not take";
                return false;
            }
            outPos += n;
        }
        return true;
    }

    @Override
    public void streamArrived(String slaveInterface) {
        if (!slaveInterface.equals(ports.slaveInterface()) || !rtl.hasStreamIn()) {
            if (previous != null) {
                previous.streamArrived(slaveInterface);
            }
            return;
        }
        resume();
    }

    /** Continues what waited: output for room, queued input for the RTL. */
    private void resume() {
        if (!flushOutput()) {
            return;
        }
        StreamIn in = rtl.hasStreamIn() && ports.slaveInterface() != null ? ctx.streamIn(ports.slaveInterface()) : null;
        while (true) {
            if (pendingIn == null) {
                StreamChunk c = in == null ? null : in.take(OUT_BYTES);
                if (c == null) {
                    break;
                }
                pendingIn = ByteBuffer.allocateDirect(c.data().length).put(c.data()).flip();
                pendingInLast = c.last();
            }
            int n = feed(pendingIn, pendingInLast);
            pendingIn.position(pendingIn.position() + n);
            if (pendingIn.hasRemaining()) {
                break;  // stalled or blocked: resumed by room or time
            }
            pendingIn = null;
        }
        interrupt();
    }

    @Override
    public void reset() {
        pending = 0;
        outPos = outLen = 0;
        pendingIn = null;
        rtl.reset();
        if (previous != null) {
            previous.reset();
        }
        interrupt();
    }

    @Override
    public void interruptInput(String port, int bit, boolean high) {
        if (previous != null) {
            previous.interruptInput(port, bit, high);
        }
    }

    @Override
    public boolean clocked() {
        return true;
    }

    /**
     * Counts {@code cycles} towards the next native call, and runs them at once when the RTL has
     * work that waited (queued input, output that had no room) or drives an interrupt wire that
     * software may be waiting on: at once for a run of several cycles ({@code Sim.run}, an
     * interrupt wait), and every {@value #TICK_BATCH} single-cycle ticks (one per register access
     * to any IP), so that a poll of another IP sees the interrupt at most that many accesses late
     * while an access to this IP costs one native call, not two.
     */
    @Override
    public void advance(long cycles) {
        pending += cycles;
        if (previous != null && previous.clocked()) {
            previous.advance(cycles);
        }
        if (pendingIn != null || outPos < outLen) {
            resume();
        } else if (ports.interruptPort() != null && (cycles > 1 || pending >= TICK_BATCH)) {
            flushPending();
        }
    }

    private void flushPending() {
        rtl.run(take());
        interrupt();
    }

    @Override
    public String toString() {
        return "RtlModel[" + ctx.name() + " = " + rtl.library().top() + ", " + cycles() + " cycles at "
                + clockHz / 1e6 + " MHz" + (stall == null ? "" : ", stalled: " + stall) + "]";
    }
}
