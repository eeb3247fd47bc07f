package io.jynq.kernel.wire;

import org.dflib.jjava.jupyter.messages.ContentType;
import org.dflib.jjava.jupyter.messages.MessageType;

/**
 * The reply to a request the kernel did not run because an earlier cell failed with
 * {@code stop_on_error}: content {@code {"status": "aborted"}}, as ipykernel's
 * {@code _send_abort_reply} sends it (jupyter_client and nbclient then skip the cell).
 */
final class AbortedReply implements ContentType<AbortedReply> {
    @SuppressWarnings("unused") // serialised by Gson
    private final String status = "aborted";
    private final transient MessageType<?> type;

    AbortedReply(MessageType<?> type) {
        this.type = type;
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public MessageType<AbortedReply> getType() {
        return (MessageType) type;
    }
}
