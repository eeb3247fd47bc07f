/**
 * The board backend SPI: {@link io.jynq.device.Device} (download, MMIO windows, contiguous
 * memory, interrupt lines, PL state, PL clocks) and its providers, {@code sim} (the simulated PL,
 * in {@code io.jynq.device.sim}) and {@code embedded} (a Linux board, in
 * {@code io.jynq.device.embedded}).
 *
 * <p>Imports {@code io.jynq.metadata} and {@code io.jynq.ffi} only; never {@code io.jynq.mmio},
 * {@code io.jynq.buffer}, {@code io.jynq.overlay} or {@code io.jynq.drivers}, which build on it.
 */
package io.jynq.device;
