package io.jynq.device.embedded;

import io.jynq.device.RegisterSpace;
import io.jynq.ffi.libc.MappedRegion;
import java.util.Objects;

/**
 * A window of PL address space mapped from {@code /dev/mem} (uncached, {@code O_SYNC}). Every
 * access is checked against the window and its alignment by {@link MappedRegion} before memory is
 * touched; 64-bit values are two 32-bit accesses, low word first, as on a 32-bit AXI-Lite bus.
 */
final class MmioRegisterSpace implements RegisterSpace, AutoCloseable {
    private final long physicalAddress;
    private final MappedRegion region;

    MmioRegisterSpace(long physicalAddress, MappedRegion region) {
        this.physicalAddress = physicalAddress;
        this.region = region;
    }

    @Override
    public long physicalAddress() {
        return physicalAddress;
    }

    @Override
    public long byteSize() {
        return region.byteSize();
    }

    @Override
    public byte read8(long offset) {
        return region.getByte(offset);
    }

    @Override
    public short read16(long offset) {
        return region.getShort(offset);
    }

    @Override
    public int read32(long offset) {
        return region.getInt(offset);
    }

    @Override
    public long read64(long offset) {
        checkAligned8(offset);
        long low = region.getInt(offset) & 0xFFFF_FFFFL;
        long high = region.getInt(offset + 4) & 0xFFFF_FFFFL;
        return high << 32 | low;
    }

    @Override
    public void write8(long offset, byte value) {
        region.putByte(offset, value);
    }

    @Override
    public void write16(long offset, short value) {
        region.putShort(offset, value);
    }

    @Override
    public void write32(long offset, int value) {
        region.putInt(offset, value);
    }

    @Override
    public void write64(long offset, long value) {
        checkAligned8(offset);
        region.putInt(offset, (int) value);
        region.putInt(offset + 4, (int) (value >>> 32));
    }

    private void checkAligned8(long offset) {
        Objects.checkFromIndexSize(offset, 8, region.byteSize());
        if ((offset & 7) != 0) {
            throw new IllegalArgumentException(String.format("offset 0x%x is not 8-byte aligned in the window at 0x%x",
                    offset, physicalAddress));
        }
    }

    @Override
    public void close() {
        region.close();
    }

    @Override
    public String toString() {
        return String.format("MmioRegisterSpace[0x%x, %d bytes%s]", physicalAddress, region.byteSize(),
                region.isClosed() ? ", closed" : "");
    }
}
