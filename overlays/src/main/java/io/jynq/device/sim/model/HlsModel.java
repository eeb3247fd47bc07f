package io.jynq.device.sim.model;

import static io.jynq.ip.HlsCtrlLayout.AP_CONTINUE;
import static io.jynq.ip.HlsCtrlLayout.AP_DONE;
import static io.jynq.ip.HlsCtrlLayout.AP_IDLE;
import static io.jynq.ip.HlsCtrlLayout.AP_READY;
import static io.jynq.ip.HlsCtrlLayout.AP_START;
import static io.jynq.ip.HlsCtrlLayout.AUTO_RESTART;
import static io.jynq.ip.HlsCtrlLayout.CTRL;
import static io.jynq.ip.HlsCtrlLayout.GIER;
import static io.jynq.ip.HlsCtrlLayout.INTERRUPT;
import static io.jynq.ip.HlsCtrlLayout.IP_IER;
import static io.jynq.ip.HlsCtrlLayout.IP_ISR;

import io.jynq.metadata.RegisterDescription;

/**
 * Base class for the model of a Vitis HLS core, implementing the block-level control protocol of
 * its AXI4-Lite interface as the <em>Vitis HLS User Guide</em>, UG1399, describes it in
 * "S_AXILITE Control Register Map" (the map HLS writes into {@code x<name>_hw.h}):
 * <ul>
 *   <li>{@code ap_ctrl_hs} (the {@code .hwh} lists a CTRL register): writing AP_START starts one
 *       invocation (AP_IDLE falls); when {@link #compute()} finishes, AP_DONE and AP_READY rise
 *       (both clear when CTRL is read), AP_IDLE rises and AP_START falls, unless AUTO_RESTART is
 *       set, in which case the core starts again: at once when input arrives on a stream, or on
 *       the next CTRL read;
 *   <li>GIER bit 0 and IP_IER bits 0 (ap_done) and 1 (ap_ready) enable the {@code interrupt}
 *       output; IP_ISR bits are set on those events when enabled and toggle when written with 1;
 *       CTRL bit 9 (INTERRUPT) shows the output;
 *   <li>{@code ap_ctrl_chain} (CTRL lists an AP_CONTINUE field): as {@code ap_ctrl_hs}, except
 *       that after AP_DONE the core stays busy (AP_IDLE low) holding its outputs until software
 *       writes AP_CONTINUE (bit 4, self-clearing, reads 0); an AP_START written meanwhile waits
 *       for it; with AUTO_RESTART set the core continues by itself (Vitis HLS drives ap_continue
 *       from auto_restart);
 *   <li>{@code ap_ctrl_none} (no CTRL register): the core runs whenever input arrives.
 * </ul>
 * Argument registers are found by name in the {@code .hwh} ({@link #arg(String)}), so a model
 * follows whatever offsets HLS chose. Subclasses implement {@link #compute()}:
 * <pre>{@code
 * public final class ScaleModel extends HlsModel {
 *     public ScaleModel(IpContext ctx) { super(ctx); }
 *     protected boolean compute() { setResult("ap_return", arg("x") * 3); return true; }
 * }
 * Sim.register("user.org:hls:scale:1.0", ScaleModel::new);
 * }</pre>
 */
public abstract class HlsModel implements IpModel {
    /** The IP's context. */
    protected final IpContext context;
    /** The IP's register storage. */
    protected final RegisterStore regs;
    private final boolean blockControl;
    /** ap_ctrl_chain: a finished invocation waits for AP_CONTINUE. */
    private final boolean chain;
    private boolean awaitingContinue;
    private final InterruptOut irq;
    private boolean running;
    private volatile int latencyReads;
    private int readsLeft;

    /** @param context the IP's context */
    protected HlsModel(IpContext context) {
        this.context = context;
        this.regs = context.registers();
        this.blockControl = context.description().registers().containsKey("CTRL");
        this.chain = blockControl && context.description().registers().get("CTRL").fields().containsKey("AP_CONTINUE");
        this.irq = context.interrupt("interrupt");
        this.running = !blockControl;
        String latency = context.description().parameter("LATENCY");
        this.latencyReads = latency == null ? 0 : Math.max(0, Integer.parseInt(latency.strip()));
    }

    /**
     * How many reads of CTRL an invocation takes before AP_DONE rises, so that a notebook can
     * watch the handshake (AP_START=1, AP_DONE=0, then AP_DONE=1). The {@code .hwh} PARAMETER
     * {@code LATENCY} sets it; without one it is 0: done before the first read, as a short HLS
     * function on a board is done before an AXI-Lite read comes back.
     *
     * @param reads 0 or more
     * @throws IllegalArgumentException if {@code reads} is negative
     */
    public void setLatencyReads(int reads) {
        if (reads < 0) {
            throw new IllegalArgumentException("latency " + reads + " reads is negative");
        }
        latencyReads = reads;
    }

    /** The latency in reads of CTRL (see {@link #setLatencyReads}). */
    public int latencyReads() {
        return latencyReads;
    }

    /**
     * Runs (part of) one invocation of the function.
     *
     * @return true when the invocation finished; false when it waits for stream input (it is
     *     called again when more arrives)
     */
    protected abstract boolean compute();

    @Override
    public void reset() {
        RegisterFileModel.applyResetValues(context.description(), regs);
        if (blockControl) {
            regs.put(CTRL, AP_IDLE);
            regs.put(GIER, 0);
            regs.put(IP_IER, 0);
            regs.put(IP_ISR, 0);
        }
        running = !blockControl;
        awaitingContinue = false;
        updateIrq();
    }

    @Override
    public int read(int off) {
        if (!blockControl || off != CTRL) {
            return regs.get(off);
        }
        if (running && readsLeft > 0) {
            readsLeft--;  // still busy: the handshake can be watched
        } else if (running) {
            run();  // an auto-restarted invocation (or one waiting for input) makes progress when observed
        }
        int v = regs.get(CTRL);
        regs.put(CTRL, v & ~(AP_DONE | AP_READY));  // clear on read
        return v | (irq.isHigh() ? INTERRUPT : 0);
    }

    @Override
    public void write(int off, int value, int strobe) {
        if (!blockControl || off >= io.jynq.ip.HlsCtrlLayout.ARGS_BASE) {
            regs.put(off, RegisterStore.merge(regs.get(off), value, strobe));
            return;
        }
        switch (off) {
            case CTRL:
                int v = RegisterStore.merge(regs.get(CTRL), value, strobe);
                regs.put(CTRL, (regs.get(CTRL) & ~AUTO_RESTART) | (v & AUTO_RESTART));
                if (awaitingContinue) {
                    if ((v & AP_START) != 0) {
                        regs.put(CTRL, regs.get(CTRL) | AP_START);  // accepted once the last result is taken
                    }
                    if ((strobe & 1) != 0 && (value & AP_CONTINUE) != 0) {
                        continueChain();
                    }
                    break;
                }
                if ((v & AP_START) != 0 && !running) {
                    regs.put(CTRL, (regs.get(CTRL) | AP_START) & ~AP_IDLE);
                    running = true;
                    readsLeft = latencyReads;
                    if (readsLeft == 0) {
                        run();
                    }
                }
                break;
            case GIER: regs.put(GIER, value & 1); updateIrq(); break;
            case IP_IER: regs.put(IP_IER, value & 3); updateIrq(); break;
            case IP_ISR: regs.put(IP_ISR, regs.get(IP_ISR) ^ (value & 3)); updateIrq(); break;
            default: break;
        }
    }

    @Override
    public void streamArrived(String slaveInterface) {
        if (running && readsLeft == 0) {
            run();
        }
    }

    private void run() {
        while (running && compute()) {
            if (!blockControl) {
                continue;  // ap_ctrl_none: keep consuming while compute() finishes invocations
            }
            int ctrl = regs.get(CTRL) | AP_DONE | AP_READY;
            regs.put(IP_ISR, regs.get(IP_ISR) | (regs.get(IP_IER) & 3));
            if ((ctrl & AUTO_RESTART) != 0) {
                regs.put(CTRL, ctrl);
                updateIrq();
                return;  // restarts at the next CTRL read or stream input, never spinning here
            }
            running = false;
            if (chain) {
                regs.put(CTRL, ctrl & ~AP_START);  // done, but busy until AP_CONTINUE takes the result
                awaitingContinue = true;
                updateIrq();
                return;
            }
            regs.put(CTRL, (ctrl | AP_IDLE) & ~AP_START);
            updateIrq();
        }
    }

    /** ap_ctrl_chain: AP_CONTINUE after AP_DONE: the core goes idle, or starts a pending AP_START. */
    private void continueChain() {
        awaitingContinue = false;
        int ctrl = regs.get(CTRL);
        if ((ctrl & AP_START) != 0) {
            running = true;
            readsLeft = latencyReads;
            if (readsLeft == 0) {
                run();
            }
        } else {
            regs.put(CTRL, ctrl | AP_IDLE);
        }
    }

    private void updateIrq() {
        irq.set(blockControl && (regs.get(GIER) & 1) != 0 && (regs.get(IP_ISR) & regs.get(IP_IER) & 3) != 0);
    }

    /**
     * The 32-bit value of the argument register {@code name} (e.g. {@code "a"}), as last written.
     *
     * @throws java.util.NoSuchElementException listing the registers, if the {@code .hwh} has no such register
     */
    protected int arg(String name) {
        return regs.get((int) register(name).byteOffset());
    }

    /** A 64-bit argument: the low word at the register's offset, the high word 4 bytes above. */
    protected long arg64(String name) {
        int off = (int) register(name).byteOffset();
        return (regs.get(off) & 0xFFFF_FFFFL) | ((long) regs.get(off + 4) << 32);
    }

    /** Sets an output register (e.g. {@code ap_return}) so software reads {@code value}. */
    protected void setResult(String name, int value) {
        regs.put((int) register(name).byteOffset(), value);
    }

    private RegisterDescription register(String name) {
        return context.description().register(name);
    }
}
