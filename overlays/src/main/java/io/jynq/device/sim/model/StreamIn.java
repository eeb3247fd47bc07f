package io.jynq.device.sim.model;

/** An AXI4-Stream slave interface of a model: the bytes queued for it, in arrival order. */
public interface StreamIn {

    /** Bytes queued. */
    long available();

    /** Whether a complete packet (one ending with TLAST) is queued. */
    boolean hasPacketEnd();

    /**
     * Takes up to {@code maxBytes} queued bytes, never across a packet end; {@code last} is set
     * when the bytes end a packet. Returns {@code null} when nothing is queued.
     *
     * @param maxBytes at least 1
     */
    StreamChunk take(int maxBytes);
}
