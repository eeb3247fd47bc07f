/**
 * Transport of what a cell shows: routing of {@code System.out}/{@code System.err}, displays and
 * {@code clear_output} to the cell that caused them (also from background threads after the cell
 * ended). Renders nothing: objects become MIME bundles in the magics module's
 * {@code io.jynq.render.Renderers}, and this package publishes them.
 *
 * <p>Must not import {@code io.jynq.kernel.wire} (it publishes through jjava's IOPub channel type).
 */
package io.jynq.kernel.display;
