package io.jynq.kernel;

import com.google.gson.annotations.SerializedName;
import java.util.List;
import java.util.Map;
import org.dflib.jjava.jupyter.messages.reply.ExecuteReply;

/**
 * An execute_reply carrying text for the frontend's pager, as IPython answers {@code obj?}: the
 * messaging spec's {@code payload} entry {@code {"source": "page", "data": {...}, "start": 0}}
 * (jjava's ExecuteReply has no payload field).
 */
final class PagerReply extends ExecuteReply {
    @SerializedName("payload")
    private final List<Map<String, Object>> payload;

    PagerReply(int executionCount, String text) {
        super(executionCount, java.util.Collections.emptyMap());
        this.payload = List.of(Map.of("source", "page", "data", Map.of("text/plain", text), "start", 0));
    }
}
