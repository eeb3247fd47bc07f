/**
 * Everything that crosses into C through JNA: libc ({@code ffi.libc}), a C header turned into
 * callables ({@code ffi.cheader}), gcc ({@code ffi.cc}), and {@link io.jynq.ffi.NativeMemory},
 * the view of memory that overlay buffers implement. This is the lowest layer: it imports
 * nothing from {@code io.jynq} but {@code io.jynq.config} (the settings) and {@code io.jynq.error} (the exception root), which every layer shares.
 */
package io.jynq.ffi;
