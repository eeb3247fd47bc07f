/**
 * The JYNQ Jupyter kernel ({@link io.jynq.kernel.JynqKernel}) and its extension points.
 *
 * <p>Layers: kernel → magics → overlays. The magics module cannot see this module, so it extends
 * the kernel through jjava-jupyter's types, which both modules share:
 *
 * <h2>Extension point: {@code org.dflib.jjava.jupyter.Extension} (ServiceLoader)</h2>
 * A module lists its implementation in
 * {@code META-INF/services/org.dflib.jjava.jupyter.Extension}. The kernel loads every listed
 * extension once per session, after the JShell session exists and the startup imports ran, and
 * calls {@code install(BaseKernel kernel)}. From there:
 * <ul>
 *   <li><b>magics:</b> {@code kernel.getMagicsRegistry().registerLineMagic("overlay",
 *       (LineMagic<Object, BaseKernel>) (k, args) -> ...)} and {@code registerCellMagic(...)}.
 *       A magic runs on the snippet thread (interruptible, its output goes to the cell); its
 *       return value, when it is the last line, is the cell's result (null shows nothing).
 *       Called with the single argument {@code --help} it should print its usage
 *       ({@code %help NAME} does that).</li>
 *   <li><b>renderers:</b> the one registry is the magics module's
 *       {@code io.jynq.render.Renderers.register(Overlay.class, ol -> MimeBundle.html(html, text))};
 *       the most specific class wins. The kernel renders nothing itself: it publishes the
 *       {@code MimeBundle} the registry gives.</li>
 *   <li><b>startup code:</b> {@code kernel.evalRaw("import io.jynq.facade.*;")} runs Java in the
 *       session (imports, helper methods, variables). Called from inside a running magic,
 *       {@code evalRaw} queues the code to run right after the current snippet and returns null:
 *       this is how a magic defines a variable ({@code ol}) that the next line of the same cell
 *       uses.</li>
 *   <li><b>display:</b> the kernel is the {@code io.jynq.render.DisplaySink}: display, update
 *       and clear_output from any thread at any time, against the cell that started the thread.
 *       Snippets use the statics of {@code io.jynq.render.Notebook} ({@code display},
 *       {@code updateDisplay}, {@code clearOutput}), imported into every cell.</li>
 *   <li><b>comms:</b> {@code kernel.getCommManager().registerTarget(name, target)}.</li>
 * </ul>
 * Session-wide options: {@code JYNQ_STARTUP} (a .jsh run after the imports),
 * {@code JYNQ_TIMEOUT}, {@code JYNQ_DEVICE}, all read through {@link io.jynq.config.JynqConfig}.
 *
 * <p>This package may import every other {@code io.jynq.kernel} package; {@code wire} and
 * {@code eval} import nothing of it.
 */
package io.jynq.kernel;
