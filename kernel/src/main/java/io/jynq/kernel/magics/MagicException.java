package io.jynq.kernel.magics;

import io.jynq.error.JynqException;

/**
 * A magic failed; the message says why and what to type instead. One line without a stack
 * trace, like IPython's {@code UsageError}: the cell shows
 * {@code io.jynq.kernel.magics.MagicException: no IP "dma" ...}. An exception (not an Error), so
 * {@code catch (Exception e)} around a magic in a cell catches it; {@link MagicCalls} makes sure
 * nothing wraps it on the way. It is raised and caught within one cell; the kernel stays usable.
 */
public final class MagicException extends JynqException {
    private static final long serialVersionUID = 1L;

    /** @param message one line */
    public MagicException(String message) {
        super(message, false);
    }
}
