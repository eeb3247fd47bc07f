package io.jynq.device.sim.model;

import static io.jynq.ip.AxiIntcLayout.CIE;
import static io.jynq.ip.AxiIntcLayout.IAR;
import static io.jynq.ip.AxiIntcLayout.IER;
import static io.jynq.ip.AxiIntcLayout.ILR;
import static io.jynq.ip.AxiIntcLayout.IMR;
import static io.jynq.ip.AxiIntcLayout.IPR;
import static io.jynq.ip.AxiIntcLayout.ISR;
import static io.jynq.ip.AxiIntcLayout.IVR;
import static io.jynq.ip.AxiIntcLayout.MER;
import static io.jynq.ip.AxiIntcLayout.MER_HIE;
import static io.jynq.ip.AxiIntcLayout.MER_ME;
import static io.jynq.ip.AxiIntcLayout.SIE;

import io.jynq.ip.AxiIntcLayout;

/**
 * The AXI Interrupt Controller, as the <em>AXI INTC LogiCORE IP Product Guide</em>, PG099 v4.1,
 * describes it in "Register Space" (table "Register Address Map") and the sections on ISR, IPR,
 * IER, IAR, SIE, CIE, IVR and MER:
 * <ul>
 *   <li>Inputs {@code intr[C_NUM_INTR_INPUTS-1:0]}: an input whose {@code C_KIND_OF_INTR} bit is
 *       0 is level-sensitive (active level from {@code C_KIND_OF_LVL}, high by default) and keeps
 *       its ISR bit set while active, even right after an acknowledge; one whose bit is 1 is
 *       edge-sensitive ({@code C_KIND_OF_EDGE}, rising by default). Inputs set ISR only once
 *       MER.HIE is 1; before that, writing 1s to ISR raises software interrupts.
 *   <li>IPR = ISR AND IER; IAR, SIE, CIE clear ISR bits, set and clear IER bits (write 1);
 *       IVR is the lowest-numbered pending input, all ones when none.
 *   <li>MER.ME gates the {@code irq} output; MER.HIE can be set once and is cleared only by reset.
 *   <li>{@code irq} (level, active high) = ME AND (ISR AND IER) != 0.
 * </ul>
 */
public class AxiIntcModel implements IpModel {
    private final RegisterStore regs;
    private final InterruptOut irq;
    private final int inputs;
    private final int mask;
    private final int edgeKind;
    private final int risingEdge;
    private final int activeHigh;
    private int levels;

    /** @param ctx the IP's context */
    public AxiIntcModel(IpContext ctx) {
        this.regs = ctx.registers();
        this.irq = ctx.interrupt("irq");
        this.inputs = (int) ctx.parameterLong("C_NUM_INTR_INPUTS", 32);
        this.mask = inputs >= 32 ? -1 : (1 << inputs) - 1;
        this.edgeKind = (int) ctx.parameterLong("C_KIND_OF_INTR", 0xFFFF_FFFFL) & mask;
        this.risingEdge = (int) ctx.parameterLong("C_KIND_OF_EDGE", 0xFFFF_FFFFL);
        this.activeHigh = (int) ctx.parameterLong("C_KIND_OF_LVL", 0xFFFF_FFFFL);
    }

    @Override
    public void reset() {
        for (int off : new int[] {ISR, IER, MER, IMR}) {
            regs.put(off, 0);
        }
        regs.put(ILR, AxiIntcLayout.ILR_RESET_VALUE);
        for (int i = 0; i < inputs; i++) {
            regs.put(AxiIntcLayout.IVAR_BASE + 4 * i, 0x10);
        }
        update();
    }

    @Override
    public int read(int off) {
        switch (off) {
            case ISR: case IER: case MER: case IMR: case ILR:
                return regs.get(off);
            case IPR:
                return regs.get(ISR) & regs.get(IER);
            case IVR:
                int pending = regs.get(ISR) & regs.get(IER);
                return pending == 0 ? AxiIntcLayout.IVR_NONE : Integer.numberOfTrailingZeros(pending);
            case IAR: case SIE: case CIE:
                return 0;  // write-only
            default:
                return off >= AxiIntcLayout.IVAR_BASE && off < AxiIntcLayout.IVAR_BASE + 4 * inputs ? regs.get(off) : 0;
        }
    }

    @Override
    public void write(int off, int value, int strobe) {
        int v = RegisterStore.merge(off == IAR || off == SIE || off == CIE ? 0 : regs.get(off), value, strobe);
        switch (off) {
            case ISR:
                if ((regs.get(MER) & MER_HIE) == 0) {
                    regs.put(ISR, regs.get(ISR) | (v & mask));  // software interrupts
                }
                break;
            case IER: regs.put(IER, v & mask); break;
            case IAR: regs.put(ISR, regs.get(ISR) & ~(v & mask)); break;
            case SIE: regs.put(IER, regs.get(IER) | (v & mask)); break;
            case CIE: regs.put(IER, regs.get(IER) & ~(v & mask)); break;
            case MER: regs.put(MER, (v & MER_ME) | ((v | regs.get(MER)) & MER_HIE)); break;
            case IMR: regs.put(IMR, v & mask); break;
            case ILR: regs.put(ILR, v); break;
            default:
                if (off >= AxiIntcLayout.IVAR_BASE && off < AxiIntcLayout.IVAR_BASE + 4 * inputs) {
                    regs.put(off, v);
                }
                break;
        }
        captureLevels();
        update();
    }

    @Override
    public void interruptInput(String port, int bit, boolean high) {
        if (!"intr".equals(port) || bit < 0 || bit >= inputs) {
            return;
        }
        int b = 1 << bit;
        boolean wasActive = active(levels, bit);
        levels = high ? levels | b : levels & ~b;
        boolean isActive = active(levels, bit);
        if ((edgeKind & b) != 0 && !wasActive && isActive && hie()) {
            regs.put(ISR, regs.get(ISR) | b);
        }
        captureLevels();
        update();
    }

    private boolean active(int lv, int bit) {
        int b = 1 << bit;
        boolean high = (lv & b) != 0;
        if ((edgeKind & b) != 0) {
            return ((risingEdge & b) != 0) == high;
        }
        return ((activeHigh & b) != 0) == high;
    }

    private boolean hie() {
        return (regs.get(MER) & MER_HIE) != 0;
    }

    /** Level-sensitive inputs keep their ISR bit set while active (PG099: re-asserts after IAR). */
    private void captureLevels() {
        if (!hie()) {
            return;
        }
        int set = 0;
        for (int i = 0; i < inputs; i++) {
            if ((edgeKind & (1 << i)) == 0 && active(levels, i)) {
                set |= 1 << i;
            }
        }
        if (set != 0) {
            regs.put(ISR, regs.get(ISR) | set);
        }
    }

    private void update() {
        irq.set((regs.get(MER) & MER_ME) != 0 && (regs.get(ISR) & regs.get(IER) & mask) != 0);
    }
}
