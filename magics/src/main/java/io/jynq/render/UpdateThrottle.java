package io.jynq.render;

import java.util.function.LongSupplier;

/**
 * Allows at most {@code maxPerSecond} updates per second: a notebook re-renders a PNG per update
 * and the browser cannot follow a tight loop. Not thread-safe; the owner synchronizes.
 */
public final class UpdateThrottle {
    private final long intervalNanos;
    private final LongSupplier nanoClock;
    private long last;
    private boolean started;

    /**
     * @param maxPerSecond 0.1..1000 updates per second
     * @param nanoClock a monotonic clock in nanoseconds ({@code System::nanoTime})
     * @throws IllegalArgumentException if {@code maxPerSecond} is out of range
     */
    public UpdateThrottle(double maxPerSecond, LongSupplier nanoClock) {
        if (!(maxPerSecond >= 0.1 && maxPerSecond <= 1000)) {
            throw new IllegalArgumentException("max updates per second " + maxPerSecond + " is outside 0.1..1000");
        }
        this.intervalNanos = (long) (1e9 / maxPerSecond);
        this.nanoClock = nanoClock;
    }

    /** True, and the interval restarts, when an update may go out now. */
    public boolean tryAcquire() {
        long now = nanoClock.getAsLong();
        if (started && now - last < intervalNanos) {
            return false;
        }
        started = true;
        last = now;
        return true;
    }

    /** Nanoseconds until {@link #tryAcquire()} will allow the next update, 0 if it would now. */
    public long nanosUntilNext() {
        return started ? Math.max(0, last + intervalNanos - nanoClock.getAsLong()) : 0;
    }

    /** Records an update that went out regardless (a final flush). */
    public void mark() {
        started = true;
        last = nanoClock.getAsLong();
    }
}
