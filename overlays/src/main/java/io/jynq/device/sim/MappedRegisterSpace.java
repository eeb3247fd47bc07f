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

    MappedRegisterSpace(ByteBuffer window, long physicalAddress) {
        this.buf = window.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        this.physicalAddress = physicalAddress;
        this.byteSize = window.capacity();
    }

    private static int index(long offset) {
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
