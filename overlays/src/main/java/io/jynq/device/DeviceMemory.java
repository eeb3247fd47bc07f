package io.jynq.device;

import io.jynq.ffi.NativeMemory;
import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * A block of physically contiguous memory from {@link Device#allocate}: what
 * {@code io.jynq.buffer.ContiguousBuffer} is built on. The CPU sees it through {@link #buffer()};
 * PL masters see it at {@link #physicalAddress()}.
 *
 * <p>States: open until {@link #close()}; closing twice is harmless; any other call after close
 * throws {@link IllegalStateException}.
 */
public interface DeviceMemory extends NativeMemory, AutoCloseable {

    /** The address PL masters use for byte 0, in bytes. */
    long physicalAddress();

    /** A little-endian view of the whole block (position 0, limit {@code byteSize()}); a new view on each call. */
    ByteBuffer buffer();

    /** Whether the CPU may cache this block; if so, {@link #flush} and {@link #invalidate} are needed around DMA. */
    boolean cacheable();

    /**
     * Makes CPU writes in {@code [byteOffset, byteOffset + byteLength)} visible to the PL (cache clean).
     *
     * @throws IndexOutOfBoundsException if the range is outside the block
     */
    void flush(long byteOffset, long byteLength);

    /**
     * Makes PL writes in {@code [byteOffset, byteOffset + byteLength)} visible to the CPU (cache invalidate).
     *
     * @throws IndexOutOfBoundsException if the range is outside the block
     */
    void invalidate(long byteOffset, long byteLength);

    /**
     * Checks what {@link #flush} and {@link #invalidate} check before touching the cache: that the
     * block is open and that {@code [byteOffset, byteOffset + byteLength)} (bytes) lies inside it.
     *
     * @throws IllegalStateException if the block is closed
     * @throws IndexOutOfBoundsException if {@code byteOffset < 0}, {@code byteLength < 0} or
     *     {@code byteOffset + byteLength > byteSize()}
     */
    default void checkRange(long byteOffset, long byteLength) {
        checkOpen();
        Objects.checkFromIndexSize(byteOffset, byteLength, byteSize());
    }

    /** Whether {@link #close()} was called. */
    boolean isClosed();

    /** Frees the block; harmless when already closed. */
    @Override
    void close();
}
