package io.jynq.device.sim.model;

/**
 * The behaviour of one IP on the simulated PL, as its bus interfaces see it: 32-bit register
 * reads and writes on its AXI4-Lite slave, data arriving on its AXI4-Stream slaves, levels on its
 * interrupt inputs, and the passing of simulated time.
 *
 * <p>The simulator calls a model from one thread at a time (it holds the PL's lock), so a model
 * needs no synchronisation of its own. A model keeps the architectural value of its registers in
 * {@link IpContext#registers()}, which other processes sharing the board also see; state that
 * only exists while something runs (a transfer in flight, a filter's delay line) stays in fields.
 *
 * <p>Behavioural models act at once: a write that starts work may finish it before it returns.
 * A clocked model (an RTL co-simulation, say) returns {@code true} from {@link #clocked()}; the
 * simulator then calls {@link #advance(long)} as time passes, before each register access to any
 * IP and while software waits on an interrupt.
 */
public interface IpModel {

    /**
     * Reads the 32-bit register at {@code byteOffset}, with whatever side effect the hardware has
     * (clear-on-read, say).
     *
     * @param byteOffset bytes from the IP's base, a multiple of 4, inside the IP's range
     */
    int read(int byteOffset);

    /**
     * Writes the 32-bit register at {@code byteOffset}; only the bytes whose bit is set in
     * {@code byteStrobe} are written (AXI WSTRB: bit 0 for bits 7:0, ... bit 3 for bits 31:24).
     *
     * @param byteOffset bytes from the IP's base, a multiple of 4, inside the IP's range
     * @param value the 32-bit word as it travels on the bus
     * @param byteStrobe 0x1..0xF, 0xF for a full-word write
     */
    void write(int byteOffset, int value, int byteStrobe);

    /** Puts every register at its reset value, as after the PL is programmed; the default does nothing. */
    default void reset() {}

    /**
     * Data has arrived on the AXI4-Stream slave interface {@code slaveInterface} (read it with
     * {@link IpContext#streamIn(String)}); the default ignores it, leaving it queued.
     */
    default void streamArrived(String slaveInterface) {}

    /**
     * Takes stream bytes straight from the sender's memory view, when the model can do so with
     * nothing queued before them (an armed DMA S2MM writing them to memory): one copy instead of
     * three. Must not send on any stream. The default takes nothing.
     *
     * @param slaveInterface the receiving interface
     * @param data the bytes from its position to its limit; read, do not keep
     * @param last whether the packet ends with the last byte of {@code data}
     * @return bytes taken from the front of {@code data}, 0..{@code data.remaining()}
     */
    default int streamAccept(String slaveInterface, java.nio.ByteBuffer data, boolean last) {
        return 0;
    }

    /**
     * Bytes this model will take from the link into {@code slaveInterface} and move on at once,
     * beyond what the link's own FIFOs hold: a length-preserving stage answers its output link's
     * {@link StreamOut#room()}, an armed DMA S2MM the bytes left in its buffer. The link adds this
     * to its capacity, so a path whose end drains moves data in large steps while one whose end
     * does not holds only what a board's FIFOs hold (issue 14: the MM2S then stalls, as on a
     * board). The default, 0, is always safe: the link then holds its FIFO bytes only.
     *
     * @param slaveInterface the receiving interface
     * @return bytes, at least 0
     */
    default long streamDrain(String slaveInterface) {
        return 0;
    }

    /**
     * An interrupt input changed level; e.g. an AXI INTC's {@code intr} port, bit 2.
     *
     * @param port the input port, e.g. {@code intr}
     * @param bit the bit of a vector port (0 for a scalar)
     * @param high the new level
     */
    default void interruptInput(String port, int bit, boolean high) {}

    /** Whether this model needs {@link #advance(long)} calls; behavioural models do not. */
    default boolean clocked() {
        return false;
    }

    /**
     * Lets {@code cycles} cycles of the IP's clock pass (only called when {@link #clocked()}).
     *
     * @param cycles at least 1
     */
    default void advance(long cycles) {}
}
