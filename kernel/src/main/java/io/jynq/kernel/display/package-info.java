/**
 * What a cell shows: routing of {@code System.out}/{@code System.err} and displays to the cell
 * that caused them (also from background threads after the cell ended), the {@link
 * io.jynq.kernel.display.Notebook} statics snippets call ({@code display}, {@code updateDisplay},
 * {@code render}), and the renderers for XChart charts, {@code BufferedImage} and Tablesaw tables.
 *
 * <p><b>Adding renderers from another module.</b> Renderers are registered by class on
 * jjava-jupyter's {@code Renderer}, reached as {@code kernel.getRenderer()} from an
 * {@code org.dflib.jjava.jupyter.Extension} (see {@code io.jynq.kernel} package doc):
 * <pre>{@code
 * kernel.getRenderer().createRegistration(Overlay.class)
 *       .preferring(MIMEType.TEXT_HTML).supporting(MIMEType.TEXT_PLAIN)
 *       .register((ol, ctx) -> { ctx.renderIfRequested(MIMEType.TEXT_HTML, () -> html(ol));
 *                                ctx.renderIfRequested(MIMEType.TEXT_PLAIN, ol::toString); });
 * }</pre>
 * The most specific registered class wins (jjava walks the class hierarchy), so a magics-layer
 * renderer for a subtype overrides a generic one.
 *
 * <p>Must not import {@code io.jynq.kernel.wire} (it publishes through jjava's IOPub channel type).
 */
package io.jynq.kernel.display;
