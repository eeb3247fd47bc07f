/**
 * RTL co-simulation of a user's own IP on the simulated board: {@link
 * io.jynq.device.sim.rtl.RtlCore} resolves a FuseSoC core's target into what Verilator builds,
 * {@link io.jynq.device.sim.rtl.RtlPortMatcher} finds which HDL port is which AXI signal (from the
 * design's {@code .hwh} port maps, then naming conventions, then an explicit map), and {@link
 * io.jynq.device.sim.rtl.RtlModel} is the {@code IpModel} that drives the Verilator model
 * ({@code io.jynq.ffi.rtl}) in lock-step with the rest of the simulated PL.
 *
 * <p>Imports {@code io.jynq.capi}, {@code io.jynq.ffi.rtl}, {@code io.jynq.device.sim.model} and
 * {@code io.jynq.metadata}; never {@code io.jynq.device.sim} (which binds these models), {@code
 * io.jynq.mmio}, {@code io.jynq.overlay} or {@code io.jynq.drivers}.
 */
package io.jynq.device.sim.rtl;
