package io.jynq.render;

import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * A progress bar for long work (bitstream download, large transfers): an HTML
 * {@code <progress>} updated in place in a notebook, a text bar in JShell, both through
 * {@link Displays#sink()}.
 * <pre>{@code
 * try (Progress p = Progress.bytes("Downloading base.bit", totalBytes)) {
 *     while (...) { p.advance(chunk.length); }
 * }
 * }</pre>
 * Updates are rate-limited (10 per second by default); the first frame and the final one are
 * always shown, and a frame that came too soon is shown when the interval has passed. States: running after {@code start}, finished after {@link #close()} (later
 * updates are ignored, so a listener that fires late cannot reopen a closed bar). Thread-safe:
 * the work may report from another thread than the one that opened the bar.
 */
public final class Progress implements AutoCloseable {
    private final String label;
    private final boolean bytes;
    private final DisplaySink sink;
    private final LongSupplier nanoClock;
    private final UpdateThrottle throttle;
    private final long startNanos;
    private final String displayId;
    private final Runnable flush = this::flush;
    private final boolean trailing;
    private boolean timerArmed;
    private boolean dirty;
    private long done;
    private long total;
    private boolean finished;

    private Progress(String label, long total, boolean bytes, DisplaySink sink, double maxPerSecond,
                     LongSupplier clock, boolean trailing) {
        this(label, total, bytes, sink, maxPerSecond, clock, trailing, null);
    }

    private Progress(String label, long total, boolean bytes, DisplaySink sink, double maxPerSecond,
                     LongSupplier clock, boolean trailing, String reuseDisplayId) {
        this.label = Objects.requireNonNull(label, "label");
        if (total < -1) {
            throw new IllegalArgumentException("progress total " + total + " is negative (use -1 for unknown)");
        }
        this.total = total;
        this.bytes = bytes;
        this.sink = Objects.requireNonNull(sink, "sink");
        this.nanoClock = clock;
        this.trailing = trailing;
        this.throttle = new UpdateThrottle(maxPerSecond, clock);
        this.startNanos = clock.getAsLong();
        throttle.mark();
        if (reuseDisplayId == null) {
            this.displayId = sink.display(state());
        } else {
            this.displayId = reuseDisplayId;
            sink.update(reuseDisplayId, state());
        }
    }

    /**
     * A bar drawn in place of an earlier one (its display id), so that steps repeated in a loop
     * (fifty downloads) show one line rather than fifty.
     */
    static Progress replacing(String displayId, String label, long total, boolean bytes) {
        return new Progress(label, total, bytes, Displays.sink(), 10, System::nanoTime, true, displayId);
    }

    /** The id of the output this bar is drawn in. */
    String displayId() {
        return displayId;
    }

    /**
     * Shows a bar counting {@code total} items (-1 when unknown) on the current sink.
     *
     * @throws IllegalArgumentException if {@code total < -1}
     */
    public static Progress start(String label, long total) {
        return new Progress(label, total, false, Displays.sink(), 10, System::nanoTime, true);
    }

    /** As {@link #start}, counting bytes (shown in KiB, MiB...). */
    public static Progress bytes(String label, long totalBytes) {
        return new Progress(label, totalBytes, true, Displays.sink(), 10, System::nanoTime, true);
    }

    /**
     * Full control, for tests and for callers with their own sink.
     *
     * @param maxPerSecond 0.1..1000 updates per second
     * @param nanoClock monotonic nanoseconds
     * @param trailingFlush true to show a throttled frame from the {@link DisplayTimer} once the
     *     interval has passed; false to show it only at the next update, {@link #close()} or
     *     {@link Displays#flushPending()} (deterministic, for tests)
     */
    public static Progress start(String label, long total, boolean bytes, DisplaySink sink,
                                 double maxPerSecond, LongSupplier nanoClock, boolean trailingFlush) {
        return new Progress(label, total, bytes, sink, maxPerSecond, nanoClock, trailingFlush);
    }

    /**
     * Adds {@code n} units done.
     *
     * @throws IllegalArgumentException if {@code n < 0}
     */
    public synchronized void advance(long n) {
        if (n < 0) {
            throw new IllegalArgumentException("progress cannot go back by " + n);
        }
        update(done + n);
    }

    /** Sets the units done so far (absolute); values past the total are shown as the total. */
    public synchronized void update(long doneSoFar) {
        if (finished) {
            return;
        }
        done = Math.max(0, doneSoFar);
        if (throttle.tryAcquire()) {
            Displays.done(flush);
            dirty = false;
            sink.update(displayId, state());
        } else {
            dirty = true;
            Displays.pending(flush);
            if (trailing && !timerArmed) {
                timerArmed = true;
                DisplayTimer.schedule(this::timerFired, throttle.nanosUntilNext());
            }
        }
    }

    private synchronized void timerFired() {
        timerArmed = false;
        Displays.done(flush);
        flush();
    }

    /**
     * Sets done and total at once: the shape of a download listener's callback
     * ({@code (doneBytes, totalBytes) -> ...}); a total of -1 keeps the current one.
     */
    public synchronized void update(long doneSoFar, long newTotal) {
        if (newTotal >= 0) {
            total = newTotal;
        }
        update(doneSoFar);
    }

    /** Units done so far. */
    public synchronized long done() {
        return done;
    }

    /** Shows the final frame; the bar reads "stopped" if the total was not reached. Idempotent. */
    @Override
    public synchronized void close() {
        if (!finished) {
            finished = true;
            Displays.done(flush);
            throttle.mark();
            sink.update(displayId, state());
        }
    }

    private synchronized void flush() {
        if (dirty && !finished) {
            dirty = false;
            throttle.mark();
            sink.update(displayId, state());
        }
    }

    /** The frame shown now. */
    public synchronized ProgressState state() {
        return new ProgressState(label, done, total, bytes, nanoClock.getAsLong() - startNanos, finished);
    }

    @Override
    public String toString() {
        return "Progress[" + ProgressBar.text(state()) + "]";
    }
}
