/**
 * The AXI GPIO driver (PYNQ's {@code AxiGPIO}): {@link io.jynq.drivers.gpio.AxiGpio} with two
 * {@link io.jynq.drivers.gpio.GpioChannel}s and {@link io.jynq.drivers.gpio.GpioSlice}s of pins.
 * Register layout from {@link io.jynq.ip.AxiGpioLayout} (PG144 v2.0).
 *
 * <p>Imports {@code io.jynq.overlay}, {@code io.jynq.mmio}, {@code io.jynq.ip},
 * {@code io.jynq.device}; never the simulator.
 */
package io.jynq.drivers.gpio;
