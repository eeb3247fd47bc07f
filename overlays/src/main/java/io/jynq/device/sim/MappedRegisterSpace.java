package io.jynq.device.sim;

import io.jynq.device.RegisterSpace;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The fast path: a window of a memory-mapped file read and written directly, for IP without a
 * model (a plain register file), BRAM and DDR. An access is an offset check and one
 * {@link ByteBuffer} get or put; the buffer bounds-checks every index, so nothing outside the
 * window is touched.
 */
final class MappedRegisterSpace implements RegisterSpace {
    private final ByteBuffer buf;
    private final long physicalAddress;
    private final long byteSize;
    private final LiveDesign live;
    private final String ipName;

    /** A window of DDR: valid as long as the board is open. */
    MappedRegisterSpace(ByteBuffer window, long physicalAddress) {
        this(window, physicalAddress, null, null);
    }

    /**
     * A window of IP {@code ipName}'s registers or memory in a design's register file: every access
     * first checks that {@code live} is still the design the PL holds.
     */
    MappedRegisterSpace(ByteBuffer window, long physicalAddress, LiveDesign live, String ipName) {
        this.buf = window.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        this.physicalAddress = physicalAddress;
        this.byteSize = window.capacity();
        this.live = live;
        this.ipName = ipName;
    }

    private int index(long offset) {
        if (live != null && live.retired()) {
            throw live.stale(String.format("%s at 0x%X", ipName, physicalAddress));
        }
        int i = (int) offset;
        if (i != offset) {
            throw new IndexOutOfBoundsException("offset 0x" + Long.toHexString(offset) + " is outside the window");
        }
        return i;
    }

    @Override
    public long physicalAddress() {
        return physicalAddress;
    }

    @Override
    public long byteSize() {
        return byteSize;
    }

    /** A register file without a model: reads and writes are plain memory accesses. */
    @Override
    public ByteBuffer plainMemory() {
        return buf.duplicate().order(ByteOrder.LITTLE_ENDIAN);
    }

    @Override
    public ByteBuffer retiredFlag() {
        return live == null ? null : live.flag();
    }

    @Override
    public byte read8(long offset) {
        return buf.get(index(offset));
    }

    @Override
    public short read16(long offset) {
        return buf.getShort(index(offset));
    }

    @Override
    public int read32(long offset) {
        return buf.getInt(index(offset));
    }

    @Override
    public long read64(long offset) {
        return buf.getLong(index(offset));
    }

    @Override
    public void write8(long offset, byte value) {
        buf.put(index(offset), value);
    }

    @Override
    public void write16(long offset, short value) {
        buf.putShort(index(offset), value);
    }

    @Override
    public void write32(long offset, int value) {
        buf.putInt(index(offset), value);
    }

    @Override
    public void write64(long offset, long value) {
        buf.putLong(index(offset), value);
    }
}
