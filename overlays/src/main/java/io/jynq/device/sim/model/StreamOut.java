package io.jynq.device.sim.model;

/** An AXI4-Stream master interface of a model. */
public interface StreamOut {

    /** Whether a slave is connected in the design; an unconnected master never sees TREADY. */
    boolean isConnected();

    /**
     * Hands bytes to the connected slave, whose model is told at once.
     *
     * @param data the bytes, copied before this returns
     * @param last whether these end the packet (TLAST)
     * @throws IllegalStateException if not connected (a model checks {@link #isConnected()} and stalls instead)
     */
    void send(byte[] data, boolean last);
}
