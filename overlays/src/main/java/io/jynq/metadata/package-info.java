/**
 * Overlay metadata read from the files Vivado writes: the hardware handoff ({@code .hwh}) and the
 * bitstream ({@code .bit}).
 *
 * <p>{@link io.jynq.metadata.HwhParser} turns a {@code .hwh} into an immutable
 * {@link io.jynq.metadata.OverlayMetadata}: one {@link io.jynq.metadata.IpDescription} per
 * addressable IP (PYNQ's {@code ip_dict} rules), the PYNQ views ({@code gpio_dict},
 * {@code interrupt_controllers}, {@code interrupt_pins}, {@code hierarchy_dict},
 * {@code mem_dict}, {@code clock_dict}) and, beyond PYNQ, every MODULE with its ports and bus
 * interfaces, the AXI-Stream connections and the interrupt wiring that the simulator needs.
 * {@link io.jynq.metadata.BitFile} reads the {@code .bit} header and converts the data section to
 * the {@code .bin} that Linux FPGA Manager takes. Every failure on bad input is a
 * {@link io.jynq.metadata.MetadataException} naming the file and the line/column or byte offset.
 *
 * <p>This package is the bottom of the overlay layer: it must not import {@code io.jynq.device},
 * {@code io.jynq.mmio}, {@code io.jynq.buffer}, {@code io.jynq.overlay}, {@code io.jynq.drivers}
 * or anything of the magics or kernel modules. It only reads files; it never touches hardware.
 */
package io.jynq.metadata;
