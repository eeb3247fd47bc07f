package io.jynq.kernel.magics;

/**
 * A magic failed; the message says why and what to type instead. An {@link Error} with no stack
 * trace, on purpose: jjava's magic call ({@code BaseNotebookStatics}) wraps every
 * {@link Exception} into a RuntimeException with its own frames, while an Error passes through,
 * so the cell shows just {@code io.jynq.kernel.magics.MagicError: no IP "dma" ...}, like
 * IPython's UsageError. It is raised and caught within one cell; the kernel stays usable.
 */
public final class MagicError extends Error {
    private static final long serialVersionUID = 1L;

    /** @param message one line */
    public MagicError(String message) {
        super(message, null, false, false);
    }
}
