package io.jynq.render;

/**
 * One frame of a progress bar, the object a {@link DisplaySink} shows and updates; render it
 * with {@link ProgressBar#html} or {@link ProgressBar#text}.
 *
 * @param label what is being done, e.g. "Downloading base.bit"
 * @param done units done so far, 0..total
 * @param total units in all, or -1 when unknown
 * @param bytes true when the units are bytes (shown as KiB, MiB...)
 * @param elapsedNanos time since the start, in nanoseconds
 * @param finished true once the work ended (completed or stopped early)
 */
public record ProgressState(String label, long done, long total, boolean bytes, long elapsedNanos, boolean finished) {

    /** Fraction done in 0..1, or NaN when the total is unknown. */
    public double fraction() {
        if (total < 0) {
            return Double.NaN;
        }
        return total == 0 ? 1.0 : Math.min(1.0, (double) done / total);
    }

    /** True when finished before reaching the total (an error or a cancel). */
    public boolean stopped() {
        return finished && total >= 0 && done < total;
    }
}
