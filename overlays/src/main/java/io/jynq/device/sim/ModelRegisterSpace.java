package io.jynq.device.sim;

import io.jynq.device.RegisterSpace;

/**
 * Register access to an IP with a behavioural model: each access takes the PL's lock, lets
 * clocked models advance, and calls the model with the 32-bit word address and byte strobes, so
 * 8- and 16-bit accesses behave as AXI4-Lite narrow accesses do.
 */
final class ModelRegisterSpace implements RegisterSpace {
    private final SimIp ip;
    private final long windowOffset;
    private final long byteSize;

    ModelRegisterSpace(SimIp ip, long windowOffset, long byteSize) {
        this.ip = ip;
        this.windowOffset = windowOffset;
        this.byteSize = byteSize;
    }

    private int word(long offset, int bytes) {
        if (offset < 0 || offset > byteSize - bytes) {
            throw new IndexOutOfBoundsException("offset 0x" + Long.toHexString(offset) + " (" + bytes
                    + " bytes) out of range [0x0, 0x" + Long.toHexString(byteSize) + ") of " + ip.name()
                    + " at 0x" + Long.toHexString(physicalAddress()));
        }
        if ((offset & (bytes - 1)) != 0) {
            throw new IllegalArgumentException("offset 0x" + Long.toHexString(offset) + " is not " + bytes
                    + "-byte aligned for a " + 8 * bytes + "-bit access to " + ip.name());
        }
        return (int) (windowOffset + offset);
    }

    @Override
    public long physicalAddress() {
        return ip.baseAddress() + windowOffset;
    }

    @Override
    public long byteSize() {
        return byteSize;
    }

    @Override
    public byte read8(long offset) {
        int a = word(offset, 1);
        return (byte) (ip.read(a & ~3) >>> (8 * (a & 3)));
    }

    @Override
    public short read16(long offset) {
        int a = word(offset, 2);
        return (short) (ip.read(a & ~3) >>> (8 * (a & 2)));
    }

    @Override
    public int read32(long offset) {
        return ip.read(word(offset, 4));
    }

    @Override
    public long read64(long offset) {
        int a = word(offset, 8);
        long lo = ip.read(a) & 0xFFFF_FFFFL;
        long hi = ip.read(a + 4) & 0xFFFF_FFFFL;
        return lo | (hi << 32);
    }

    @Override
    public void write8(long offset, byte value) {
        int a = word(offset, 1);
        int shift = 8 * (a & 3);
        ip.write(a & ~3, (value & 0xFF) << shift, 1 << (a & 3));
    }

    @Override
    public void write16(long offset, short value) {
        int a = word(offset, 2);
        int shift = 8 * (a & 2);
        ip.write(a & ~3, (value & 0xFFFF) << shift, 3 << (a & 2));
    }

    @Override
    public void write32(long offset, int value) {
        ip.write(word(offset, 4), value, 0xF);
    }

    @Override
    public void write64(long offset, long value) {
        int a = word(offset, 8);
        ip.write(a, (int) value, 0xF);
        ip.write(a + 4, (int) (value >>> 32), 0xF);
    }
}
