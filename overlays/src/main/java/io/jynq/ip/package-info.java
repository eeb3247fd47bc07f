/**
 * Register layouts of the Xilinx IP that JYNQ drives and simulates: one {@code XxxLayout} per IP
 * with the register offsets (bytes from the IP's base address), the bit masks of their fields and
 * their reset values, each citing the product guide, its version and the register's section.
 *
 * <p>Shared by the drivers ({@code io.jynq.drivers.*}) and the simulation models
 * ({@code io.jynq.device.sim.model}), so a wrong offset cannot hide in both: the layouts are
 * cross-checked against the REGISTER/FIELD listings of real {@code .hwh} files in the tests.
 *
 * <p>Constants only: this package imports nothing of JYNQ.
 */
package io.jynq.ip;
