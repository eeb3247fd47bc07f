/**
 * The {@code embedded} backend: a Zynq-7000 or Zynq UltraScale+ board running Linux, driven
 * through the kernel interfaces PYNQ uses. {@link io.jynq.device.embedded.EmbeddedDevice} maps
 * registers through {@code /dev/mem}, programs the PL through FPGA Manager, applies device-tree
 * overlays through configfs, allocates contiguous memory from u-dma-buf, waits for interrupts on
 * UIO and sets PL clocks in the SLCR or CRL_APB.
 *
 * <p>Every path is resolved under one root ({@link io.jynq.device.embedded.BoardPaths}), so tests
 * run this backend against a fake tree in a temporary directory.
 *
 * <p>Imports {@code io.jynq.device}, {@code io.jynq.metadata} and {@code io.jynq.ffi}; never the
 * simulator ({@code io.jynq.device.sim}) or anything above the device layer.
 */
package io.jynq.device.embedded;
