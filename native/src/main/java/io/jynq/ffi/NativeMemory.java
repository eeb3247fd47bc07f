package io.jynq.ffi;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import java.nio.ByteBuffer;

/**
 * A view of a block of memory that native code may read and write: its virtual address in this
 * process and its size in bytes. Overlay buffers (contiguous, DMA-able memory) implement it, so a
 * C function bound through JNA can take a buffer as a pointer argument while this layer never
 * imports the overlay layer (the lower layer owns the interface, as {@code jdk.jshell.spi} does).
 *
 * <p>Implementations guarantee that {@code [address(), address() + byteSize())} stays mapped
 * while the object is open; {@link #checkOpen()} throws {@link IllegalStateException} once it
 * has been closed, and callers check it before handing the address to native code.
 */
public interface NativeMemory {

    /** The virtual address of the first byte in this process, or 0 where there is no native mapping. */
    long address();

    /** The size in bytes. */
    long byteSize();

    /**
     * Throws if the memory may no longer be touched.
     *
     * @throws IllegalStateException if the memory has been closed or freed
     */
    void checkOpen();

    /**
     * Where another process can map these same bytes: a file (the simulated board's DDR file, a
     * u-dma-buf device) and the byte offset of byte 0 in it; null where there is none. The
     * isolated C call path ({@code io.jynq.ffi.isolate}) maps it in its helper process, so C code
     * there reads and writes this memory without a copy.
     *
     * @throws IllegalStateException if the memory has been closed
     */
    default FileWindow fileWindow() {
        return null;
    }

    /**
     * Bytes of a file that a process may map: {@code [offset, offset + byteSize())} of {@code file}.
     *
     * @param file an absolute path
     * @param offset bytes from the file's start
     */
    record FileWindow(java.nio.file.Path file, long offset) {}

    /**
     * The virtual address of byte 0 of a direct buffer (e.g. a slice of a memory-mapped file), for
     * implementations backed by one. The address stays valid only while the buffer (or the
     * mapping it views) is reachable: keep a reference for as long as native code may use it.
     *
     * @throws IllegalArgumentException if {@code buffer} is not direct
     */
    static long addressOf(ByteBuffer buffer) {
        if (!buffer.isDirect()) {
            throw new IllegalArgumentException("not a direct buffer: " + buffer);
        }
        return Pointer.nativeValue(Native.getDirectBufferPointer(buffer));
    }
}
