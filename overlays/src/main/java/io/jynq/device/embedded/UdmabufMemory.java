package io.jynq.device.embedded;

import io.jynq.device.DeviceMemory;
import io.jynq.ffi.libc.MappedRegion;
import java.nio.ByteBuffer;

/**
 * A block of a u-dma-buf buffer: what {@code allocate} returns on a board. The CPU sees it through
 * the process's mapping of {@code /dev/udmabufN}; PL masters at {@link #physicalAddress()}.
 * {@link #flush} and {@link #invalidate} go to u-dma-buf's {@code sync_for_device} and
 * {@code sync_for_cpu}; on an uncached block they only check the range.
 */
final class UdmabufMemory implements DeviceMemory {
    private final UdmabufRegion region;
    private final MappedRegion mapping;
    private final long offset;
    private final long byteSize;
    private final boolean cacheable;
    private volatile boolean closed;

    UdmabufMemory(UdmabufRegion region, MappedRegion mapping, long offset, long byteSize, boolean cacheable) {
        this.region = region;
        this.mapping = mapping;
        this.offset = offset;
        this.byteSize = byteSize;
        this.cacheable = cacheable;
    }

    @Override
    public long physicalAddress() {
        return region.physicalBase() + offset;
    }

    @Override
    public long address() {
        return mapping.address() + offset;
    }

    @Override
    public long byteSize() {
        return byteSize;
    }

    @Override
    public void checkOpen() {
        if (closed) {
            throw new IllegalStateException(this + " is freed");
        }
        mapping.checkOpen();
    }

    @Override
    public ByteBuffer buffer() {
        checkOpen();
        return mapping.byteBuffer(offset, byteSize);
    }

    /**
     * The block in {@code /dev/udmabufN}, for the isolated C call path, which maps it in its helper
     * process. Only a cacheable block: the helper maps without {@code O_SYNC}, and a non-cacheable
     * block mapped cached there would hide C's writes from the DMA, so that one is copied instead.
     */
    @Override
    public FileWindow fileWindow() {
        checkOpen();
        return cacheable ? new FileWindow(region.devicePath().toAbsolutePath(), offset) : null;
    }

    @Override
    public boolean cacheable() {
        return cacheable;
    }

    @Override
    public void flush(long byteOffset, long byteLength) {
        checkRange(byteOffset, byteLength);
        if (cacheable) {
            region.sync(offset + byteOffset, byteLength, true);
        }
    }

    @Override
    public void invalidate(long byteOffset, long byteLength) {
        checkRange(byteOffset, byteLength);
        if (cacheable) {
            region.sync(offset + byteOffset, byteLength, false);
        }
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            region.free(offset);
        }
    }

    @Override
    public String toString() {
        return String.format("UdmabufMemory[%s @ 0x%x, %d bytes, %s%s]", region.name(), physicalAddress(), byteSize,
                cacheable ? "cacheable" : "uncached", closed ? ", freed" : "");
    }
}
