/**
 * The Jupyter wire protocol (messaging spec 5.3) over ZeroMQ: the five channels, message
 * signatures, and the replay guard.
 *
 * <p>Message content types, serialisation on send and the reply environment come from
 * jjava-jupyter 1.0-a6; this package replaces the three parts of it that are wrong for a kernel
 * that must not hang a notebook (measured, see {@code notes/kernel.md} §4–5):
 * <ul>
 *   <li>the channel loop: jjava sleeps 50 ms between polls; {@link io.jynq.kernel.wire.ChannelLoop}
 *       blocks in a receive and wakes on the first frame;</li>
 *   <li>signature checking: jjava throws out of its loop on one bad signature and the shell
 *       thread dies; here a bad, missing or replayed signature drops that message with a log line
 *       ({@link io.jynq.kernel.wire.WireCodec}), signatures are compared in constant time, and a
 *       bounded digest history refuses replays as jupyter_client's {@code Session} does;</li>
 *   <li>an empty key is refused unless the user asks for an unauthenticated kernel
 *       ({@link io.jynq.kernel.wire.ConnectionFile}).</li>
 * </ul>
 * Must not import {@code io.jynq.kernel.eval} or anything above the wire: handlers are plain
 * {@code ShellHandler}s registered by the kernel.
 */
package io.jynq.kernel.wire;
