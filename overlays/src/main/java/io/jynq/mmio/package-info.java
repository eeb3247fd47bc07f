/**
 * Register access for the user: {@link io.jynq.mmio.Mmio} (a checked window of PL address
 * space), {@link io.jynq.mmio.RegisterMap} and {@link io.jynq.mmio.Register} (registers and bit
 * fields by the names the {@code .hwh} gives them, PYNQ's {@code register_map}).
 *
 * <p>Builds on {@code io.jynq.device} (the raw {@link io.jynq.device.RegisterSpace}) and
 * {@code io.jynq.metadata}; never imports {@code io.jynq.overlay}, {@code io.jynq.drivers} or
 * the simulator ({@code io.jynq.device.sim}).
 */
package io.jynq.mmio;
