/**
 * The kernel's own magics: {@code %lsmagic}, {@code %help} and {@code %time}/{@code %%time}.
 * Magics are jjava-jupyter {@code LineMagic}/{@code CellMagic} functions in the kernel's
 * {@code MagicsRegistry}; {@code %name args} (anywhere in a cell, or after {@code =}) and
 * {@code %%name args} (first line of a cell, the rest is the body) become calls that JShell runs
 * on the snippet thread, so a magic is interruptible and its output lands in the cell. A magic's
 * return value, when it is the last line, is the cell's result; null shows nothing.
 *
 * <p>Other modules add magics through the {@code org.dflib.jjava.jupyter.Extension} service
 * (see the {@code io.jynq.kernel} package doc). By convention a magic called with the single
 * argument {@code --help} prints its usage; {@code %help NAME} relies on that.
 *
 * <p>Must not import {@code io.jynq.kernel.wire}.
 */
package io.jynq.kernel.magic;
