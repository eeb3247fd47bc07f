/**
 * The AXI BRAM controller driver, {@link io.jynq.drivers.bram.Bram}: a MEMORY range read and
 * written by word or in bulk (PG078 v4.1).
 *
 * <p>Imports {@code io.jynq.overlay}, {@code io.jynq.mmio}, {@code io.jynq.ip}; never the simulator.
 */
package io.jynq.drivers.bram;
