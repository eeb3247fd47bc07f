/**
 * The CFFI idea for Java: a C header text ({@link io.jynq.ffi.cheader.CHeader}) turned into
 * declarations ({@link io.jynq.ffi.cheader.CDeclaration}) and, with a shared library, into
 * callables ({@link io.jynq.ffi.cheader.CLibrary}, {@link io.jynq.ffi.cheader.CFunction}) whose
 * pointer parameters take {@link io.jynq.ffi.NativeMemory} (contiguous buffers) and Java
 * primitive arrays.
 *
 * <p>Imports JNA and {@code io.jynq.ffi} only.
 */
package io.jynq.ffi.cheader;
