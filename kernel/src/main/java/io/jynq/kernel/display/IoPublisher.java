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
 * Publishes on IOPub with the cell running now, or the last one when none runs, as parent: as
 * ipykernel does, output from a background thread (a DMA or interrupt callback, a ticker started
 * by an earlier cell) appears under the cell that is running when it is printed, and under the
 * last cell when the kernel is idle; the notebook shows nothing of output whose parent is a
 * finished cell while another runs. Unlike jjava-jupyter's {@code DisplayStream}, it works from
 * any thread at any time. Thread-safe (the socket serialises sends).
 *
 * <p>Stream output goes through a {@link StreamPump} (bounded, rate-limited); other outputs
 * first publish what the pump holds, so that the notebook shows them in the order they happened.
 */
public final class IoPublisher {
    private final JupyterSocket iopub;
    private final StreamPump streams;
    private volatile CellContext latest;

    /** A publisher with the default stream rate limit ({@link StreamPump#DEFAULT_RATE}). */
    public IoPublisher(JupyterSocket iopub) {
        this(iopub, StreamPump.DEFAULT_RATE);
    }

    /** @param streamRate bytes per second of stdout+stderr, averaged over 3 s; 0 for no limit */
    public IoPublisher(JupyterSocket iopub, long streamRate) {
        this.iopub = Objects.requireNonNull(iopub);
        this.streams = new StreamPump(
                (type, text) -> iopub.sendMessage(new Message<>(parent(), PublishStream.MESSAGE_TYPE, new PublishStream(type, text))),
                streamRate);
    }

    /**
     * Records the cell now starting, the parent of all output from now on. Output still waiting
     * goes out first, under the cell before.
     */
    public void cellStarted(CellContext cell) {
        streams.flushAll();
        latest = cell;
    }

    private MessageContext parent() {
        CellContext cell = latest;
        if (cell == null) {
            cell = CellContext.current(); // output before the first cell (an extension's install)
        }
        return cell == null ? null : cell.request();
    }

    /** Publishes any content (display, comm, result) after the waiting stream output. */
    public <T extends ContentType<T>> void publish(T content) {
        streams.flushAll();
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
     * Sends {@code clear_output}, after the stream output waiting so far (publish flushes it;
     * else text printed before the call would arrive after it and survive): the notebook clears
     * the running cell's outputs, at once or, with {@code wait}, just before the next output
     * arrives (no flicker in an animation loop).
     */
    public void clearOutput(boolean wait) {
        publish(wait ? PublishClearOutput.BEFORE_NEXT_OUTPUT : PublishClearOutput.NOW);
    }

    /** The stdout/stderr path of cell threads. */
    public StreamPump streams() {
        return streams;
    }

    /** Publishes all waiting stream output (and what was dropped); called at the end of a cell. */
    public void flush() {
        streams.flushAll();
    }

    /** The stop button: waiting stream output is dropped so that the stopped cell ends at once. */
    public void dropBacklog() {
        streams.dropBacklog();
    }
}
