package io.jynq.overlay;

/**
 * Told how long work is going (a download, a large transfer), e.g. to draw a progress bar in a
 * notebook. Called on the working thread; keep it quick.
 */
@FunctionalInterface
public interface ProgressListener {
    /** Ignores everything. */
    ProgressListener NONE = (task, done, total) -> { };

    /**
     * @param task what is going on, e.g. {@code "parse dsp_loopback.hwh"}, {@code "download"}
     * @param done units done so far (bytes or steps)
     * @param total units in all, or -1 when unknown
     */
    void progress(String task, long done, long total);
}
