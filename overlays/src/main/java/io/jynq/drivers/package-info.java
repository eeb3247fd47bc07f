/**
 * The drivers JYNQ ships, listed to the overlay model by {@link io.jynq.drivers.BuiltinDrivers}
 * (a {@link io.jynq.overlay.DriverProvider}): AXI DMA, AXI GPIO, AXI INTC, AXI BRAM and HLS IP.
 */
package io.jynq.drivers;
