/**
 * Notebook magics, one {@code XxxMagic} per magic, and the magic SPI the kernel plugs them into:
 * {@link io.jynq.magics.LineMagic} ({@code %name args}), {@link io.jynq.magics.CellMagic}
 * ({@code %%name args} on a cell's first line), both found by {@link java.util.ServiceLoader}
 * ({@link io.jynq.magics.Magics#discover()}) and run with a {@link io.jynq.magics.MagicContext}
 * that the kernel implements.
 *
 * <p>A mistake in a magic's arguments throws {@link io.jynq.magics.MagicUsageException}: one line
 * that says what to type instead, with no stack trace.
 *
 * <p>May import the overlay layer, {@code io.jynq.facade}, {@code io.jynq.plot},
 * {@code io.jynq.render}; never imports {@code io.jynq.kernel} nor jjava-jupyter (the kernel
 * adapts this SPI to its own registry).
 */
package io.jynq.magics;
