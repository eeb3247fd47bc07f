package io.jynq.drivers.intc;

import io.jynq.ip.AxiIntcLayout;
import io.jynq.metadata.IpDescription;
import io.jynq.overlay.BindTo;
import io.jynq.overlay.DefaultIp;
import io.jynq.overlay.Overlay;

/**
 * Driver of the AXI Interrupt Controller, PG099 v4.1 ("Register Address Map"): which inputs
 * are captured, pending and enabled, and the calls to enable, disable and acknowledge them. To
 * wait for an interrupt use {@link Overlay#interrupt(String)} instead, which does this for you.
 * Bit {@code i} of every register is input {@code intr[i]}.
 */
@BindTo(AxiIntcLayout.VLNV)
public class AxiIntc extends DefaultIp {
    private final int inputs;

    public AxiIntc(Overlay overlay, IpDescription description) {
        super(overlay, description);
        inputs = (int) parameter("C_NUM_INTR_INPUTS", 32);
    }

    /** The number of inputs ({@code C_NUM_INTR_INPUTS}). */
    public int inputs() {
        return inputs;
    }

    /** ISR: inputs captured, enabled or not. */
    public int status() {
        return mmio().read32(AxiIntcLayout.ISR);
    }

    /** IPR: inputs captured and enabled. */
    public int pending() {
        return mmio().read32(AxiIntcLayout.IPR);
    }

    /** IER: enabled inputs. */
    public int enabled() {
        return mmio().read32(AxiIntcLayout.IER);
    }

    /** Sets MER.ME and MER.HIE (hardware interrupts on; HIE is write-once until reset). */
    public void masterEnable() {
        mmio().write32(AxiIntcLayout.MER, AxiIntcLayout.MER_ME | AxiIntcLayout.MER_HIE);
    }

    /** Enables input {@code index} (SIE). @throws IndexOutOfBoundsException if not in [0, inputs) */
    public void enable(int index) {
        mmio().write32(AxiIntcLayout.SIE, bit(index));
    }

    /** Disables input {@code index} (CIE). @throws IndexOutOfBoundsException if not in [0, inputs) */
    public void disable(int index) {
        mmio().write32(AxiIntcLayout.CIE, bit(index));
    }

    /** Acknowledges input {@code index} (IAR); a level source still asserted is captured again. */
    public void acknowledge(int index) {
        mmio().write32(AxiIntcLayout.IAR, bit(index));
    }

    private int bit(int index) {
        if (index < 0 || index >= inputs) {
            throw new IndexOutOfBoundsException("input " + index + " of " + name() + ": it has inputs 0.." + (inputs - 1));
        }
        return 1 << index;
    }

    /** One line, e.g. {@code AxiIntc[axi_intc_0 @ 0x41800000, 4 inputs, ISR=0x4 IER=0x4 MER=0x3]}. */
    @Override
    public String toString() {
        return "AxiIntc[" + name() + " @ 0x" + Long.toHexString(physicalAddress()) + ", " + inputs + " inputs, ISR=0x"
                + Integer.toHexString(status()) + " IER=0x" + Integer.toHexString(enabled()) + " MER=0x"
                + Long.toHexString(read(AxiIntcLayout.MER)) + "]";
    }
}
