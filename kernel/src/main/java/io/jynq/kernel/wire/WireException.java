package io.jynq.kernel.wire;

/**
 * A message on a channel that the kernel refuses: malformed frames, a bad or missing signature,
 * or a replayed one. The channel loop logs it and drops the message; the kernel keeps serving.
 */
public final class WireException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public WireException(String message) {
        super(message);
    }

    public WireException(String message, Throwable cause) {
        super(message, cause);
    }
}
