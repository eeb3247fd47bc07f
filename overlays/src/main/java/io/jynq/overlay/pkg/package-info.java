/**
 * Overlay packages: an overlay as a folder whose FuseSoC CAPI2 {@code .core} names its files by
 * role: the bitstream ({@code .bit} or {@code .bin}), its metadata ({@code .hwh}), device
 * descriptions ({@code .d2l.yaml}), native C sources and headers, and simulation models.
 *
 * <p>{@link io.jynq.overlay.pkg.OverlayPackage#open(java.nio.file.Path)} reads one package;
 * {@link io.jynq.overlay.pkg.OverlayFinder} is the one place that finds overlays, packages and
 * bare bitstreams, by path, name, file name or VLNV (working directory, bundled on the class path,
 * {@code JYNQ_OVERLAY_PATH}, the installed folders) and lists them for {@code %overlays} and
 * {@code ./jynq overlays}.
 *
 * <p>Layering: imports io.jynq.capi, io.jynq.d2l, io.jynq.config and the JDK only. It must not import
 * io.jynq.overlay (whose {@code Bitstream.find} calls {@link io.jynq.overlay.pkg.OverlayFinder#find}),
 * io.jynq.device, io.jynq.drivers or the native layer: finding and reading a package touches only
 * files. Binding device operations to a loaded overlay is {@code io.jynq.overlay.ops}.
 */
package io.jynq.overlay.pkg;
