/**
 * The adapter between the magics module's SPI ({@code io.jynq.magics}) and this kernel:
 * {@link io.jynq.kernel.magics.MagicsExtension}, a jjava {@code Extension} listed in
 * {@code META-INF/services}, registers every {@code LineMagic}/{@code CellMagic} found by
 * ServiceLoader into the kernel's magics registry (so {@code %lsmagic} and {@code %help} list
 * them). Renderers are not here: the magics module registers them in {@code io.jynq.render.Renderers}.
 *
 * <p>A magic's mistake reaches the cell as one line ({@link io.jynq.kernel.magics.MagicError}),
 * never a stack trace. May import {@code io.jynq.magics}, {@code io.jynq.render} and the overlay
 * layer; not {@code io.jynq.kernel.wire} or {@code io.jynq.kernel.eval}.
 */
package io.jynq.kernel.magics;
