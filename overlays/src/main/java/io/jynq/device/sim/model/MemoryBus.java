package io.jynq.device.sim.model;

import java.nio.ByteBuffer;

/** The memory an IP's AXI masters reach: simulated DDR and the BRAM of the design. */
public interface MemoryBus {

    /**
     * A little-endian view of {@code [physicalAddress, physicalAddress + byteLength)}, or
     * {@code null} when no memory answers there (the master then sees DECERR).
     *
     * @param physicalAddress bytes
     * @param byteLength bytes, &gt;= 0
     */
    ByteBuffer window(long physicalAddress, int byteLength);

    /**
     * Tells the memory that a master will access {@code [physicalAddress, physicalAddress +
     * byteLength)} until {@link #release}: a buffer freed meanwhile is not given to another
     * allocation until then (a DMA armed into a freed buffer must not write a newer one).
     */
    default void hold(long physicalAddress, long byteLength) {}

    /** Ends the {@link #hold} that began at {@code physicalAddress}; harmless when none did. */
    default void release(long physicalAddress) {}
}
