package io.jynq.testing;

import io.jynq.device.RegisterSpace;

/** A window onto a {@link ScriptedDevice}'s bus; every access goes to the device's script or register file. */
final class ScriptedRegisterSpace implements RegisterSpace {
    private final ScriptedDevice device;
    private final long base;
    private final long size;

    ScriptedRegisterSpace(ScriptedDevice device, long base, long size) {
        this.device = device;
        this.base = base;
        this.size = size;
    }

    @Override
    public long physicalAddress() {
        return base;
    }

    @Override
    public long byteSize() {
        return size;
    }

    private long at(long offset, int width) {
        if (offset < 0 || offset > size - width) {
            throw new IndexOutOfBoundsException("offset 0x" + Long.toHexString(offset) + " outside window of " + size);
        }
        return base + offset;
    }

    @Override
    public byte read8(long offset) {
        return (byte) device.access(false, at(offset, 1), 1, 0);
    }

    @Override
    public short read16(long offset) {
        return (short) device.access(false, at(offset, 2), 2, 0);
    }

    @Override
    public int read32(long offset) {
        return (int) device.access(false, at(offset, 4), 4, 0);
    }

    @Override
    public long read64(long offset) {
        long lo = read32(offset) & 0xFFFF_FFFFL;
        long hi = read32(offset + 4) & 0xFFFF_FFFFL;
        return hi << 32 | lo;
    }

    @Override
    public void write8(long offset, byte value) {
        device.access(true, at(offset, 1), 1, value & 0xFF);
    }

    @Override
    public void write16(long offset, short value) {
        device.access(true, at(offset, 2), 2, value & 0xFFFF);
    }

    @Override
    public void write32(long offset, int value) {
        device.access(true, at(offset, 4), 4, value & 0xFFFF_FFFFL);
    }

    @Override
    public void write64(long offset, long value) {
        write32(offset, (int) value);
        write32(offset + 4, (int) (value >>> 32));
    }
}
