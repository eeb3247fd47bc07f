package io.jynq.overlay;

import io.jynq.ip.AxiIntcLayout;
import io.jynq.mmio.Mmio;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Software's side of one AXI INTC on the path of an {@link Interrupt} (PYNQ's
 * {@code _InterruptController}): enables inputs, tells which are pending, acknowledges them.
 * Registers from {@link AxiIntcLayout} (PG099 v4.1, "Register Address Map"). One per INTC per
 * overlay download, shared by every interrupt pin behind it.
 */
final class IntcController {
    private final String name;
    private final Mmio mmio;
    private final IntcController parent;
    private final int indexAtParent;
    private boolean started;

    IntcController(String name, Mmio mmio, IntcController parent, int indexAtParent) {
        this.name = name;
        this.mmio = mmio;
        this.parent = parent;
        this.indexAtParent = indexAtParent;
    }

    String name() {
        return name;
    }

    /** Enables input {@code index} here and this controller's own line at its parent; starts the INTC once. */
    synchronized void enable(int index) {
        if (!started) {
            // PYNQ's start-up: nothing enabled, then master and hardware interrupt enable (HIE is write-once).
            mmio.write32(AxiIntcLayout.IER, 0);
            mmio.write32(AxiIntcLayout.MER, AxiIntcLayout.MER_ME | AxiIntcLayout.MER_HIE);
            started = true;
        }
        mmio.write32(AxiIntcLayout.SIE, 1 << index);
        if (parent != null) {
            parent.enable(indexAtParent);
        }
    }

    /** Whether input {@code index} is captured and enabled (IPR bit). */
    boolean pending(int index) {
        return (mmio.read32(AxiIntcLayout.IPR) >>> index & 1) != 0;
    }

    /** Acknowledges input {@code index} here and this controller's line at its parent (a still-asserted level source is captured again). */
    void ack(int index) {
        mmio.write32(AxiIntcLayout.IAR, 1 << index);
        if (parent != null) {
            parent.ack(indexAtParent);
        }
    }

    /** ISR, IPR, IER, MER now, for timeout messages. */
    Map<String, Long> snapshot() {
        Map<String, Long> m = new LinkedHashMap<>();
        m.put(name + ".ISR", mmio.read(AxiIntcLayout.ISR));
        m.put(name + ".IPR", mmio.read(AxiIntcLayout.IPR));
        m.put(name + ".IER", mmio.read(AxiIntcLayout.IER));
        m.put(name + ".MER", mmio.read(AxiIntcLayout.MER));
        if (parent != null) {
            m.putAll(parent.snapshot());
        }
        return m;
    }
}
