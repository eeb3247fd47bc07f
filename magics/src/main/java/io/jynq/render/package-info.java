/**
 * Showing things in a notebook or a console, in one place: the renderer registry
 * ({@link io.jynq.render.Renderers}: object to {@link io.jynq.render.MimeBundle}; charts, tables,
 * images, progress frames here, the object model's views added by {@code io.jynq.magics.ModelRenderers}),
 * the one display seam ({@link io.jynq.render.DisplaySink}, installed in
 * {@link io.jynq.render.Displays}: the kernel in Jupyter, {@link io.jynq.render.ConsoleSink} in
 * JShell), the statics every cell imports ({@link io.jynq.render.Notebook}: {@code display},
 * {@code updateDisplay}, {@code clearOutput}, {@code render}), and progress bars
 * ({@link io.jynq.render.Progress}).
 *
 * <p>Lowest package of the magics module: imports only the JDK, XChart and Tablesaw; never
 * {@code io.jynq.plot}, {@code io.jynq.magics} or {@code io.jynq.kernel}.
 */
package io.jynq.render;
