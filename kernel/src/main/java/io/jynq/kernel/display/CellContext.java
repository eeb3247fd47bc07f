package io.jynq.kernel.display;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.dflib.jjava.jupyter.messages.MessageContext;
import org.dflib.jjava.jupyter.messages.publish.PublishStream;

/**
 * The execute request a thread works for. Set on the shell thread while a cell runs and
 * inherited by every thread created from then on (the JShell snippet thread and whatever threads
 * the snippet starts), so output and displays from those threads are published with this cell
 * as parent, also after the cell has finished: that is how the notebook knows where to put them.
 *
 * <p>Holds the not-yet-flushed bytes of the cell's stdout and stderr.
 */
public final class CellContext {
    private static final InheritableThreadLocal<CellContext> CURRENT = new InheritableThreadLocal<>();

    private final MessageContext request;
    private final int executionCount;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    public CellContext(MessageContext request, int executionCount) {
        this.request = request;
        this.executionCount = executionCount;
    }

    /** The cell of the calling thread, or null for kernel threads that no cell started. */
    public static CellContext current() {
        return CURRENT.get();
    }

    /** Makes this the calling thread's cell (and that of threads it creates from now on). */
    public void enter() {
        CURRENT.set(this);
    }

    /** Clears the calling thread's cell; threads already created keep theirs. */
    public static void exit() {
        CURRENT.remove();
    }

    public MessageContext request() {
        return request;
    }

    public int executionCount() {
        return executionCount;
    }

    void append(PublishStream.StreamType type, byte[] b, int off, int len) {
        ByteArrayOutputStream buf = type == PublishStream.StreamType.OUT ? out : err;
        synchronized (buf) {
            buf.write(b, off, len);
        }
    }

    /**
     * Takes the buffered text of one stream (empty string if none).
     *
     * @param wholeLines if true, only up to the last newline; a partial line stays buffered so
     *                   that {@code printf} pieces of one line arrive as one stream message
     */
    String drain(PublishStream.StreamType type, boolean wholeLines) {
        ByteArrayOutputStream buf = type == PublishStream.StreamType.OUT ? out : err;
        synchronized (buf) {
            if (buf.size() == 0) {
                return "";
            }
            byte[] bytes = buf.toByteArray();
            int end = bytes.length;
            if (wholeLines) {
                while (end > 0 && bytes[end - 1] != '\n') {
                    end--;
                }
                if (end == 0) {
                    return "";
                }
            }
            buf.reset();
            buf.write(bytes, end, bytes.length - end);
            return new String(bytes, 0, end, StandardCharsets.UTF_8);
        }
    }
}
