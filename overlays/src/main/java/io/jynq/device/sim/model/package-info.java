/**
 * Behavioural models of IP on the simulated PL, and the SPI for writing one: {@link
 * io.jynq.device.sim.model.IpModel} (register reads and writes, stream input, interrupt inputs,
 * simulated time), the {@link io.jynq.device.sim.model.IpContext} the simulator hands it (its
 * register storage, stream ports, interrupt outputs, the memory its bus masters reach) and
 * {@link io.jynq.device.sim.model.IpModelFactory}, registered by VLNV through
 * {@link java.util.ServiceLoader} or at run time with {@code Sim.register}.
 *
 * <p>Each model follows its Xilinx product guide, named with its tables in the class Javadoc, and
 * takes its offsets and fields from {@code io.jynq.ip}. Models see only register, stream and
 * interrupt traffic, exactly what the hardware sees.
 *
 * <p>Imports {@code io.jynq.ip} and {@code io.jynq.metadata} only; never {@code io.jynq.device.sim}
 * (which builds on it), {@code io.jynq.mmio}, {@code io.jynq.overlay} or {@code io.jynq.drivers}.
 */
package io.jynq.device.sim.model;
