/**
 * Typed overlay facades: at {@code %overlay load}, {@link io.jynq.facade.FacadeGenerator} writes
 * Java source for one class per overlay, with a nested class per hierarchy and a
 * {@code public final} field per IP typed by its bound driver, so that
 * {@code ol.axi_dma_0.sendChannel()} and {@code ol.video.hdmi_in.color_convert} compile and
 * complete with Tab; where the overlay's package describes devices ({@code .d2l.yaml}), a member
 * per device whose interface has a typed method per operation ({@code ol.dsp_loopback.add(2, 40)}).
 * The source is compiled in the JShell session (in memory, nothing on disk).
 *
 * <p>Imports only {@code io.jynq.metadata}, the device descriptions of {@code io.jynq.d2l} and the
 * JDK: which driver class an IP gets is asked of a {@link io.jynq.facade.DriverTypes} that the
 * caller builds from the overlay's bindings, and how a device is opened of a
 * {@link io.jynq.facade.DeviceLookup}, so this package never imports {@code io.jynq.magics},
 * {@code io.jynq.kernel}, {@code io.jynq.overlay} or a driver.
 */
package io.jynq.facade;
