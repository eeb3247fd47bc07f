package io.jynq.metadata;

/**
 * One hop of interrupt wiring: an output port driving an input port over a net that carries an
 * interrupt (some port on it has {@code SIGIS="INTERRUPT"}). Chained hops give the route, e.g.
 * {@code axi_dma/s2mm_introut -> xlconcat_0/In1}, then (inside the concat, bit by the
 * {@code IN<i>_WIDTH} parameters) {@code xlconcat_0/dout -> axi_intc_0/intr}, then
 * {@code axi_intc_0/irq -> processing_system7_0/IRQ_F2P}.
 *
 * @param net the {@code SIGNAME}
 * @param sourceFullpath the driving module's fullpath ("" for an external port)
 * @param sourcePort the driving port
 * @param sinkFullpath the driven module's fullpath ("" for an external port)
 * @param sinkPort the driven port
 */
public record InterruptConnection(String net, String sourceFullpath, String sourcePort,
        String sinkFullpath, String sinkPort) {

    @Override
    public String toString() {
        return sourceFullpath + "/" + sourcePort + " -> " + sinkFullpath + "/" + sinkPort + " (" + net + ")";
    }
}
