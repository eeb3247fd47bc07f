/**
 * The AXI INTC driver, {@link io.jynq.drivers.intc.AxiIntc}, for looking at and steering an
 * interrupt controller by hand; {@link io.jynq.overlay.Interrupt} drives it for waits. Register
 * layout from {@link io.jynq.ip.AxiIntcLayout} (PG099 v4.1).
 *
 * <p>Imports {@code io.jynq.overlay}, {@code io.jynq.mmio}, {@code io.jynq.ip}; never the simulator.
 */
package io.jynq.drivers.intc;
