/**
 * gcc for notebook cells and device operations: {@link io.jynq.ffi.cc.CCompiler} compiles a C
 * source into a cached shared library and extracts its functions for
 * {@link io.jynq.ffi.cheader.CLibrary}; errors come back at the user's own source line.
 *
 * <p>Imports {@code io.jynq.ffi.cheader} only; runs gcc as a subprocess.
 */
package io.jynq.ffi.cc;
