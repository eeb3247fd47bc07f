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

    /**
     * Offers bytes from memory (a DMA reading its buffer): the link takes what the slave accepts
     * directly ({@link IpModel#streamAccept}), then up to its {@link #room()}, and returns how
     * many bytes it took, from {@code data}'s position on ({@code data} itself is not moved).
     * {@code last} takes effect only when all of {@code data} is taken. This default copies.
     *
     * @return bytes taken, 0 when the link is full or not connected
     */
    default int offer(java.nio.ByteBuffer data, boolean last) {
        int n = (int) Math.min(data.remaining(), room());
        if (n <= 0) {
            return 0;
        }
        byte[] b = new byte[n];
        data.duplicate().get(b);
        send(b, last && n == data.remaining());
        return n;
    }
}
