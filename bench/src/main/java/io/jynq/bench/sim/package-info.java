/**
 * JMH benchmarks of the object model on the simulated board ({@code ./jynq bench sim}): MMIO
 * through {@link io.jynq.mmio.Mmio}, a held register field write, DMA loopback throughput against
 * a plain memory copy, and buffer allocation. Each state builds its own board in a temporary
 * directory.
 */
package io.jynq.bench.sim;
