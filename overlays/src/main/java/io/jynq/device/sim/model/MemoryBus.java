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
}
