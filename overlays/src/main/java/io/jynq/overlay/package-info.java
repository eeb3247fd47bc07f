/**
 * The overlay object model a notebook user touches (PYNQ's {@code pynq.overlay}):
 * {@link io.jynq.overlay.Overlay} (load, download, metadata views, IP by name),
 * {@link io.jynq.overlay.Bitstream} (finding the files), {@link io.jynq.overlay.DefaultIp} and
 * {@link io.jynq.overlay.DefaultHierarchy} (bases of drivers), {@link io.jynq.overlay.BindTo} and
 * {@link io.jynq.overlay.DriverProvider} (binding drivers to IP by VLNV through
 * {@link java.util.ServiceLoader}), and {@link io.jynq.overlay.Interrupt}.
 *
 * <p>Builds on {@code io.jynq.metadata}, {@code io.jynq.device}, {@code io.jynq.mmio},
 * {@code io.jynq.buffer} and the register layouts of {@code io.jynq.ip}; never imports
 * {@code io.jynq.drivers} (drivers are found at run time) or the simulator.
 */
package io.jynq.overlay;
