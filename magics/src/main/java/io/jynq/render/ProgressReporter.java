package io.jynq.render;

import java.util.Objects;

/**
 * Adapts the overlay layer's progress callback to {@link Progress} bars. The overlay layer cannot
 * import magics, so it declares {@code io.jynq.overlay.ProgressListener}
 * ({@code void progress(String task, long done, long total)}); a magic passes a method reference:
 * <pre>{@code
 * Overlay ol = Overlay.load("base", ProgressReporter.bytes("base")::progress);
 * }</pre>
 * A bar opens on the first report of a task, labelled {@code "<prefix>: <task>"}, and closes when
 * {@code done} reaches {@code total} or when a different task starts reporting (steps run one
 * after another: parse, then download). Call {@link #close()} in a {@code finally} so a failed
 * step reads "stopped". Within one cell, every bar after the first is drawn in place of the last
 * one (a loop of fifty downloads shows one line); a later cell gets a bar of its own. Thread-safe.
 */
public final class ProgressReporter implements AutoCloseable {
    private final String prefix;
    private final boolean bytes;
    private Progress progress;
    private String task;
    private String lastDisplayId;
    private long lastCell;

    private ProgressReporter(String prefix, boolean bytes) {
        this.prefix = Objects.requireNonNull(prefix, "prefix");
        this.bytes = bytes;
    }

    /** A reporter whose units are bytes (shown as KiB, MiB...). */
    public static ProgressReporter bytes(String prefix) {
        return new ProgressReporter(prefix, true);
    }

    /** A reporter whose units are items or steps. */
    public static ProgressReporter items(String prefix) {
        return new ProgressReporter(prefix, false);
    }

    /**
     * Reports progress of {@code task}; the shape of {@code io.jynq.overlay.ProgressListener}.
     *
     * @param task what is going on, e.g. "download"
     * @param done units done so far
     * @param total units in all, or -1 when unknown
     */
    public synchronized void progress(String task, long done, long total) {
        if (progress != null && !Objects.equals(task, this.task)) {
            progress.close();
            progress = null;
        }
        if (progress == null) {
            this.task = task;
            String label = task == null || task.isEmpty() ? prefix : prefix.isEmpty() ? task : prefix + ": " + task;
            if (lastDisplayId != null && lastCell == Displays.cell()) {
                progress = Progress.replacing(lastDisplayId, label, total, bytes);
            } else {
                progress = bytes ? Progress.bytes(label, total) : Progress.start(label, total);
            }
            lastDisplayId = progress.displayId();
            lastCell = Displays.cell();
        }
        progress.update(done, total);
        if (total >= 0 && done >= total) {
            progress.close();
            progress = null;
        }
    }

    /** Reports progress of a single, unnamed task. */
    public void progress(long done, long total) {
        progress(null, done, total);
    }

    /** Closes the open bar, if any (it reads "stopped" if its total was not reached). */
    @Override
    public synchronized void close() {
        if (progress != null) {
            progress.close();
            progress = null;
        }
    }
}
