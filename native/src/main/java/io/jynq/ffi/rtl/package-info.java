/**
 * RTL models built by Verilator and driven through JNA: {@link io.jynq.ffi.rtl.VerilatorBuild}
 * turns HDL sources, parameters and port roles into a cached shared library around a generated C
 * shim ({@code jynq_rtl_shim.cpp}), and {@link io.jynq.ffi.rtl.RtlModelHandle} drives one model:
 * whole AXI4-Lite handshakes and whole AXI4-Stream bursts per native call, the clock, a VCD trace.
 *
 * <p>Knows nothing of designs, IPs or FuseSoC: the simulated board ({@code io.jynq.device.sim.rtl}
 * in overlays) resolves a core and decides the port roles. Imports JNA, {@code io.jynq.config},
 * {@code io.jynq.error} and {@code io.jynq.ffi.cc} only.
 */
package io.jynq.ffi.rtl;
