package io.jynq.ffi;

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
}
