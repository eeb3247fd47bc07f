/**
 * Typed overlay facades: at {@code %overlay load}, {@link io.jynq.facade.FacadeGenerator} writes
 * Java source for one class per overlay, with a nested class per hierarchy and a
 * {@code public final} field per IP typed by its bound driver, so that
 * {@code ol.axi_dma_0.sendChannel()} and {@code ol.video.hdmi_in.color_convert} compile and
 * complete with Tab. The source is compiled in the JShell session (in memory, nothing on disk).
 *
 * <p>Imports only {@code io.jynq.metadata} and the JDK: which driver class an IP gets is asked of
 * a {@link io.jynq.facade.DriverTypes} that the caller builds from the overlay's bindings, so this
 * package never imports {@code io.jynq.magics}, {@code io.jynq.kernel} or a driver.
 */
package io.jynq.facade;
