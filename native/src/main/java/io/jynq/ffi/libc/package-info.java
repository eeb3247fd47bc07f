/**
 * libc through JNA for the embedded backend: {@link io.jynq.ffi.libc.Libc} (open, close, mmap,
 * munmap, msync, ioctl, poll, read, write) turning {@code errno} into
 * {@link io.jynq.ffi.libc.NativeException}, and {@link io.jynq.ffi.libc.MappedRegion}, a
 * bounds-checked view of an mmap (of {@code /dev/mem} or a u-dma-buf device).
 *
 * <p>Imports only JNA and {@code io.jynq.ffi}; never the overlay layer.
 */
package io.jynq.ffi.libc;
