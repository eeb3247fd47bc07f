package io.jynq.device.sim;

import io.jynq.device.DeviceMemory;
import io.jynq.ffi.NativeMemory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * A block of simulated DDR from {@link SimDevice#allocate}: a window of the board's memory-mapped
 * {@code ddr.bin}, so a DMA model and another process see the same bytes. Caches are not
 * simulated: {@link #flush} and {@link #invalidate} check their range and count the calls.
 */
final class SimMemory implements DeviceMemory {
    private final SimDevice device;
    private final ByteBuffer block;
    private final long offset;
    private final long physicalAddress;
    private final long byteSize;
    private final boolean cacheable;
    private volatile boolean closed;
    private long flushes;
    private long invalidates;

    SimMemory(SimDevice device, ByteBuffer block, long offset, long physicalAddress, long byteSize, boolean cacheable) {
        this.device = device;
        this.block = block;
        this.offset = offset;
        this.physicalAddress = physicalAddress;
        this.byteSize = byteSize;
        this.cacheable = cacheable;
    }

    @Override
    public long physicalAddress() {
        checkOpen();
        return physicalAddress;
    }

    @Override
    public ByteBuffer buffer() {
        checkOpen();
        return block.duplicate().order(ByteOrder.LITTLE_ENDIAN);
    }

    @Override
    public boolean cacheable() {
        return cacheable;
    }

    @Override
    public void flush(long byteOffset, long byteLength) {
        checkRange(byteOffset, byteLength);
        flushes++;
    }

    @Override
    public void invalidate(long byteOffset, long byteLength) {
        checkRange(byteOffset, byteLength);
        invalidates++;
    }

    /** Calls of {@link #flush} so far (tests check that drivers flush before MM2S). */
    long flushCount() {
        return flushes;
    }

    /** Calls of {@link #invalidate} so far. */
    long invalidateCount() {
        return invalidates;
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            device.free(offset, byteSize);
        }
    }

    /**
     * The virtual address of this block inside this process's mapping of {@code ddr.bin}, so C code
     * (a {@code %%c} cell, a D2L native operation) reads and writes the same bytes a DMA model sees.
     */
    @Override
    public long address() {
        checkOpen();
        return NativeMemory.addressOf(block);
    }

    /** This block's bytes in {@code ddr.bin}, which the isolated C call path maps in its helper process. */
    @Override
    public FileWindow fileWindow() {
        checkOpen();
        return new FileWindow(device.ddrFile(), offset);
    }

    @Override
    public long byteSize() {
        return byteSize;
    }

    @Override
    public void checkOpen() {
        if (closed) {
            throw new IllegalStateException("simulated DDR block at 0x" + Long.toHexString(physicalAddress)
                    + " (" + byteSize + " bytes) is closed");
        }
        if (device.isClosed()) {
            throw new IllegalStateException("simulated DDR block at 0x" + Long.toHexString(physicalAddress)
                    + " (" + byteSize + " bytes) belongs to a simulated board that was closed");
        }
    }

    @Override
    public String toString() {
        return "SimMemory[0x" + Long.toHexString(physicalAddress) + ", " + byteSize + " bytes"
                + (closed ? ", closed" : "") + "]";
    }
}
