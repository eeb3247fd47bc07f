package io.jynq.testing;

import io.jynq.device.DeviceMemory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Objects;

/** Heap-backed contiguous memory of a {@link ScriptedDevice}; counts flushes and invalidates for tests. */
public final class ScriptedMemory implements DeviceMemory {
    private final ScriptedDevice device;
    private final long phys;
    private final ByteBuffer bytes;
    private final boolean cacheable;
    private volatile boolean closed;
    /** Number of {@link #flush} calls, for tests. */
    public volatile int flushes;
    /** Number of {@link #invalidate} calls, for tests. */
    public volatile int invalidates;

    ScriptedMemory(ScriptedDevice device, long phys, long size, boolean cacheable) {
        this.device = device;
        this.phys = phys;
        this.bytes = ByteBuffer.allocate(Math.toIntExact(size)).order(ByteOrder.LITTLE_ENDIAN);
        this.cacheable = cacheable;
    }

    @Override
    public long physicalAddress() {
        checkOpen();
        return phys;
    }

    @Override
    public ByteBuffer buffer() {
        checkOpen();
        return bytes.duplicate().order(ByteOrder.LITTLE_ENDIAN);
    }

    @Override
    public boolean cacheable() {
        return cacheable;
    }

    @Override
    public void flush(long byteOffset, long byteLength) {
        checkOpen();
        Objects.checkFromIndexSize(byteOffset, byteLength, bytes.capacity());
        flushes++;
    }

    @Override
    public void invalidate(long byteOffset, long byteLength) {
        checkOpen();
        Objects.checkFromIndexSize(byteOffset, byteLength, bytes.capacity());
        invalidates++;
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            device.release(this);
        }
    }

    @Override
    public long address() {
        return 0;
    }

    @Override
    public long byteSize() {
        return bytes.capacity();
    }

    @Override
    public void checkOpen() {
        if (closed) {
            throw new IllegalStateException("scripted memory at 0x" + Long.toHexString(phys) + " is closed");
        }
    }
}
