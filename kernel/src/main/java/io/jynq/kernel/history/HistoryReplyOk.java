package io.jynq.kernel.history;

import java.util.ArrayList;
import java.util.List;
import org.dflib.jjava.jupyter.kernel.history.HistoryEntry;
import org.dflib.jjava.jupyter.messages.ContentType;
import org.dflib.jjava.jupyter.messages.MessageType;
import org.dflib.jjava.jupyter.messages.reply.HistoryReply;

/**
 * A {@code history_reply} as the messaging spec has it: {@code "status": "ok"} and
 * {@code history} as a list of {@code [session, line, input]} or, with outputs,
 * {@code [session, line, [input, output]]}. jjava-jupyter's own {@link HistoryReply} has no
 * status and goes out with each entry as a JSON object (measured through jupyter_client), which
 * clients cannot read.
 */
public final class HistoryReplyOk implements ContentType<HistoryReplyOk> {
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static final MessageType<HistoryReplyOk> TYPE = (MessageType) HistoryReply.MESSAGE_TYPE;

    @SuppressWarnings("unused") // serialised by Gson
    private final String status = "ok";
    private final List<List<Object>> history;

    /** @param entries in the order to send; an entry with an output is sent with it */
    public HistoryReplyOk(List<HistoryEntry> entries) {
        history = new ArrayList<>(entries.size());
        for (HistoryEntry e : entries) {
            Object text = e.hasOutput() ? List.of(e.getInput(), e.getOutput()) : e.getInput();
            history.add(List.of(e.getSession(), e.getCellNumber(), text));
        }
    }

    /** The entries as they go on the wire. */
    public List<List<Object>> history() {
        return history;
    }

    @Override
    public MessageType<HistoryReplyOk> getType() {
        return TYPE;
    }
}
