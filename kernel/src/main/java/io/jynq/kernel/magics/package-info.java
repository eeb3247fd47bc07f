/**
 * Every magic the kernel serves, in one place. {@link io.jynq.kernel.magics.KernelMagics} holds
 * the kernel's own ({@code %lsmagic}, {@code %help}, {@code %time}/{@code %%time}, {@code %maven}
 * and {@code %classpath});
 * {@link io.jynq.kernel.magics.MagicsExtension}, a jjava {@code Extension}
 * listed in {@code META-INF/services}, adds every {@code LineMagic}/{@code CellMagic} of the
 * magics module ({@code io.jynq.magics}) found by ServiceLoader. Renderers are not here: the
 * magics module registers them in {@code io.jynq.render.Renderers}, and the kernel only
 * transports the MIME bundles they make.
 *
 * <p>Magics are jjava-jupyter functions in the kernel's {@code MagicsRegistry}: {@code %name args}
 * (anywhere in a cell, or after {@code =}) and {@code %%name args} (first line of a cell, the rest
 * is the body) become calls that JShell runs on the snippet thread, so a magic is interruptible
 * and its output lands in the cell. A magic's return value, when it is the last line, is the
 * cell's result; null shows nothing. By convention a magic called with the single argument
 * {@code --help} prints its usage; {@code %help NAME} relies on that. A magics-module magic's
 * mistake reaches the cell as one line ({@link io.jynq.kernel.magics.MagicException}), never a stack
 * trace.
 *
 * <p>May import {@code io.jynq.magics}, {@code io.jynq.render} and the overlay layer; not
 * {@code io.jynq.kernel.wire} or {@code io.jynq.kernel.eval} (the session is reached through
 * the jjava {@code BaseKernel}).
 */
package io.jynq.kernel.magics;
