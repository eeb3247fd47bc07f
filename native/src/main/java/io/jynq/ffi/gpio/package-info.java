/**
 * The Linux GPIO character device (uAPI v2) through JNA: {@link io.jynq.ffi.gpio.GpioChip} finds a
 * controller by label and requests lines, {@link io.jynq.ffi.gpio.GpioLine} reads and drives one;
 * {@link io.jynq.ffi.gpio.GpioUapi} has the ABI (ioctl numbers, structure layout), checked
 * against {@code <linux/gpio.h>} by a test, and {@link io.jynq.ffi.gpio.GpioKernel} is the seam a
 * test plays the kernel through.
 *
 * <p>Imports only JNA and {@code io.jynq.ffi}; never the overlay layer.
 */
package io.jynq.ffi.gpio;
