package io.jynq.kernel.wire;

import org.dflib.jjava.jupyter.messages.Message;

/**
 * A correctly signed request larger than the kernel accepts ({@link WireCodec}'s limit). Unlike a
 * {@link WireException} it is answered, not dropped: the frontend gets an error reply naming the
 * size and the limit, so the cell shows why it did not run instead of hanging.
 */
public final class OversizedMessageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Message<?> headerOnly;
    private final long size;
    private final long limit;

    OversizedMessageException(Message<?> headerOnly, long size, long limit) {
        super(headerOnly.getHeader().getType().getName() + " of " + Sizes.human(size)
                + " is larger than this kernel accepts (" + Sizes.human(limit) + ")");
        this.headerOnly = headerOnly;
        this.size = size;
        this.limit = limit;
    }

    /** The request with its identities, header and parent; its content is null (never parsed). */
    public Message<?> request() {
        return headerOnly;
    }

    /** Bytes of the message's frames after the delimiter. */
    public long size() {
        return size;
    }

    /** The limit it exceeded, in bytes. */
    public long limit() {
        return limit;
    }
}
