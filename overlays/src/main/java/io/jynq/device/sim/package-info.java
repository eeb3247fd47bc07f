/**
 * The simulated board, JYNQ's default backend ({@code JYNQ_DEVICE=sim}): {@link
 * io.jynq.device.sim.SimDevice} keeps the board's state in memory-mapped files of a state
 * directory so that several JVMs share one board, simulates DDR with a contiguous allocator, and
 * on download instantiates one model per IP (package {@code .model}), wires their AXI4-Streams and
 * routes their interrupts through xlconcat and AXI INTC to the PS's IRQ lines.
 *
 * <p>{@link io.jynq.device.sim.Sim} is the notebook-facing entry: register a model for a VLNV,
 * reach a model to drive its inputs.
 *
 * <p>Imports {@code io.jynq.device}, {@code io.jynq.device.sim.model}, {@code io.jynq.metadata}
 * {@code io.jynq.ip} and, for RTL models, {@code io.jynq.device.sim.rtl}; never {@code io.jynq.mmio}, {@code io.jynq.buffer},
 * {@code io.jynq.overlay} or {@code io.jynq.drivers}.
 */
package io.jynq.device.sim;
