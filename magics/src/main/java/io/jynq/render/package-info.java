/**
 * Showing things in a notebook or a console: the display seam ({@link io.jynq.render.DisplaySink},
 * installed by the kernel in {@link io.jynq.render.Displays}; {@link io.jynq.render.ConsoleSink}
 * for JShell), progress bars ({@link io.jynq.render.Progress}), and renderers the kernel registers
 * by class: {@link io.jynq.render.ChartPng} (XChart to image/png), {@link io.jynq.render.TableHtml}
 * (Tablesaw to text/html), {@link io.jynq.render.ProgressBar} ({@code ProgressState} to text/html
 * and text/plain).
 *
 * <p>Lowest package of the magics module: imports only the JDK, XChart and Tablesaw; never
 * {@code io.jynq.plot}, {@code io.jynq.magics} or {@code io.jynq.kernel}.
 */
package io.jynq.render;
