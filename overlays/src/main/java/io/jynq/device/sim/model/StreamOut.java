package io.jynq.device.sim.model;

/** An AXI4-Stream master interface of a model. */
public interface StreamOut {

    /** Whether a slave is connected in the design; an unconnected master never sees TREADY. */
    boolean isConnected();

    /**
     * Bytes the link accepts now: its free space (AXI4-Stream back-pressure, TREADY low while
     * full); 0 when not connected. A faithful model sends at most this much and waits for
     * {@link #onRoom} to send more; the link still accepts more (it never drops data or throws),
     * so a simple model that ignores back-pressure works too, only with unlimited FIFOs.
     */
    long room();

    /**
     * Hands bytes to the connected slave, whose model is told as soon as the current model call
     * returns.
     *
     * @param data the bytes, best at most {@link #room()} of them; the link keeps the array, so
     *     the sender must not change it afterwards
     * @param last whether these end the packet (TLAST)
     * @throws IllegalStateException if not connected (a model checks {@link #isConnected()} and
     *     stalls instead)
     */
    void send(byte[] data, boolean last);

    /** Sets what runs when the slave takes bytes and room frees (the master resumes sending). */
    void onRoom(Runnable resume);
}
