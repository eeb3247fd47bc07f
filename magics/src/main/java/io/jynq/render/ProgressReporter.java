package io.jynq.render;

/**
 * Adapts a {@code (done, total)} callback from the overlay layer to a {@link Progress} bar that
 * opens on the first call and closes when {@code done} reaches {@code total}. The overlay layer
 * cannot import magics, so it declares its own functional interface (proposed:
 * {@code io.jynq.overlay.ProgressListener#progress(long doneBytes, long totalBytes)}) and a
 * magic passes a method reference:
 * <pre>{@code
 * overlay.download(ProgressReporter.bytes("Downloading base.bit")::progress);
 * }</pre>
 * Call {@link #close()} when the work fails so the bar reads "stopped".
 */
public final class ProgressReporter implements AutoCloseable {
    private final String label;
    private final boolean bytes;
    private Progress progress;

    private ProgressReporter(String label, boolean bytes) {
        this.label = label;
        this.bytes = bytes;
    }

    /** A reporter that counts bytes. */
    public static ProgressReporter bytes(String label) {
        return new ProgressReporter(label, true);
    }

    /** A reporter that counts items. */
    public static ProgressReporter items(String label) {
        return new ProgressReporter(label, false);
    }

    /**
     * Reports progress; the first call shows the bar.
     *
     * @param done units done so far
     * @param total units in all, or -1 when unknown
     */
    public synchronized void progress(long done, long total) {
        if (progress == null) {
            progress = bytes ? Progress.bytes(label, total) : Progress.start(label, total);
        }
        progress.update(done, total);
        if (total >= 0 && done >= total) {
            progress.close();
        }
    }

    /** Closes the bar if one was shown. */
    @Override
    public synchronized void close() {
        if (progress != null) {
            progress.close();
        }
    }
}
