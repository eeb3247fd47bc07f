package io.jynq.kernel.display;

import java.util.Objects;
import org.dflib.jjava.jupyter.channels.JupyterSocket;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.messages.ContentType;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.MessageContext;
import org.dflib.jjava.jupyter.messages.publish.PublishClearOutput;
import org.dflib.jjava.jupyter.messages.publish.PublishDisplayData;
import org.dflib.jjava.jupyter.messages.publish.PublishStream;
import org.dflib.jjava.jupyter.messages.publish.PublishUpdateDisplayData;

/**
 * Publishes on IOPub with the right parent: the calling thread's {@link CellContext}, else the
 * latest execute request (a kernel thread such as a comm handler). Unlike jjava-jupyter's
 * {@code DisplayStream}, it works from any thread at any time, not only while a request is being
 * handled. Thread-safe (the socket serialises sends).
 */
public final class IoPublisher {
    private final JupyterSocket iopub;
    private volatile CellContext latest;

    public IoPublisher(JupyterSocket iopub) {
        this.iopub = Objects.requireNonNull(iopub);
    }

    /** Records the cell now starting, the parent for threads that belong to no cell. */
    public void cellStarted(CellContext cell) {
        latest = cell;
    }

    private MessageContext parent() {
        CellContext cell = CellContext.current();
        if (cell == null) {
            cell = latest;
        }
        return cell == null ? null : cell.request();
    }

    public <T extends ContentType<T>> void publish(T content) {
        iopub.sendMessage(new Message<>(parent(), content.getType(), content));
    }

    /** Sends {@code display_data}. */
    public void display(DisplayData data) {
        publish(new PublishDisplayData(data));
    }

    /**
     * Sends {@code update_display_data}: the notebook replaces every output shown with this id.
     *
     * @throws IllegalArgumentException if {@code id} is null or blank
     */
    public void updateDisplay(String id, DisplayData data) {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("updateDisplay needs the id display(...) returned, got '" + id + "'");
        }
        data.setDisplayId(id);
        publish(new PublishUpdateDisplayData(data));
    }

    /**
     * Sends {@code clear_output}, after what the cell's streams hold so far (else text printed
     * before the call would arrive after it and survive).
     *
     * @param wait clear when the next output arrives rather than now
     */
    public void clearOutput(boolean wait) {
        CellContext cell = CellContext.current();
        if (cell != null) {
            flush(cell, false);
        }
        publish(wait ? PublishClearOutput.BEFORE_NEXT_OUTPUT : PublishClearOutput.NOW);
    }

    /** Publishes everything the cell's streams hold; called at the end of the cell. */
    public void flush(CellContext cell) {
        flush(cell, false);
    }

    /**
     * Publishes what the cell's streams hold.
     *
     * @param wholeLines only complete lines (a stream flush); false at the end of the cell
     */
    public void flush(CellContext cell, boolean wholeLines) {
        for (PublishStream.StreamType type : PublishStream.StreamType.values()) {
            String text = cell.drain(type, wholeLines);
            if (!text.isEmpty()) {
                iopub.sendMessage(new Message<>(cell.request(), PublishStream.MESSAGE_TYPE, new PublishStream(type, text)));
            }
        }
    }
}
