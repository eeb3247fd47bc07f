/**
 * The AXI DMA driver in direct register (simple) mode: {@link io.jynq.drivers.dma.AxiDma} with
 * its MM2S and S2MM {@link io.jynq.drivers.dma.DmaChannel}s. Register layout from
 * {@link io.jynq.ip.AxiDmaLayout} (PG021 v7.1).
 *
 * <p>Imports {@code io.jynq.overlay}, {@code io.jynq.mmio}, {@code io.jynq.buffer},
 * {@code io.jynq.ip}, {@code io.jynq.device}; never the simulator.
 */
package io.jynq.drivers.dma;
