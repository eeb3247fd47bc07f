/**
 * Device operations on a loaded overlay: the {@link io.jynq.d2l.OperationBackend} over an
 * {@link io.jynq.overlay.Overlay} and its package, and the entry point
 * {@link io.jynq.overlay.ops.DeviceOps#open(io.jynq.overlay.Overlay, String)}.
 *
 * <p>The three implementation kinds of a D2L operation reach the overlay as follows: register
 * programs through the IP's {@link io.jynq.mmio.RegisterMap} (names from the {@code .hwh}); driver
 * methods by reflection on the IP's bound driver ({@code ol.ip(name)}); C functions through the
 * package's native library, built from its C sources by the native layer's
 * {@link io.jynq.ffi.cc.CCompiler} on first use and called through
 * {@link io.jynq.ffi.cheader.CLibrary}.
 *
 * <p>Layering: imports io.jynq.overlay, io.jynq.overlay.pkg, io.jynq.d2l, io.jynq.mmio,
 * io.jynq.buffer and io.jynq.ffi (cc, cheader). It must not import io.jynq.drivers (drivers are
 * reached by reflection, whatever their class), the simulator, or JNA directly.
 */
package io.jynq.overlay.ops;
