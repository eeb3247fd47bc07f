/**
 * The drivers JYNQ ships, listed to the overlay model by {@link io.jynq.drivers.BuiltinDrivers}
 * (a {@link io.jynq.overlay.DriverProvider}): AXI DMA, AXI GPIO, AXI INTC, AXI BRAM and HLS IP.
 *
 * <p>Imports {@code io.jynq.overlay} and its own subpackages; never {@code io.jynq.device.sim} (a
 * driver cannot tell the simulator from a board) nor the magics or kernel modules. Nothing in the
 * overlay layer below imports this package: the overlay model finds it through ServiceLoader.
 */
package io.jynq.drivers;
