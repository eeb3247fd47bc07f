package io.jynq.overlay;

import io.jynq.config.JynqConfig;
import io.jynq.config.Setting;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.locks.LockSupport;

/**
 * The end of a wait on hardware, and the polite way to poll until it: spin briefly (a simulated
 * or fast IP answers within microseconds), then sleep in growing steps up to 1 ms, and give up
 * early if the thread is interrupted (the notebook's stop button). Drivers use one per wait.
 * <pre>{@code
 * Deadline d = Deadline.after(timeout);
 * while (!done()) {
 *     if (d.expired()) throw timeout(...);
 *     d.pause("S2MM of axi_dma_0");
 * }
 * }</pre>
 */
public final class Deadline {
    private static final int SPINS = 64;
    private static final long MAX_PARK_NANOS = 1_000_000;

    private final long end;
    private int polls;
    private long park = 1_000;

    /** The wait a call without a Duration allows when nothing is configured: one minute. */
    public static final Duration DEFAULT_WAIT = Duration.ofMinutes(1);

    private Deadline(long end) {
        this.end = end;
    }

    /**
     * A deadline {@code timeout} from now.
     *
     * @throws IllegalArgumentException if {@code timeout} is negative
     */
    public static Deadline after(Duration timeout) {
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("timeout must not be negative, got " + timeout);
        }
        long now = System.nanoTime();
        long n = timeout.compareTo(Duration.ofDays(365)) > 0 ? Long.MAX_VALUE / 2 : timeout.toNanos();
        return new Deadline(now + n);
    }

    /**
     * How long a wait without an explicit Duration ({@code waitForValue(v)}, {@code await()}) may
     * take: {@code -Djynq.wait.timeout} or {@code JYNQ_WAIT_TIMEOUT} (property first), in seconds
     * ({@code 30}, {@code 2.5}) or ISO-8601 ({@code PT2M}); else {@link #DEFAULT_WAIT}. Read on
     * every call, so a cell may change the property between waits. The stop button ends any wait
     * earlier.
     *
     * @throws IllegalArgumentException if the setting is neither, or negative (naming it and its value)
     */
    public static Duration defaultTimeout() {
        JynqConfig config = JynqConfig.current();
        Optional<String> v = config.value(Setting.WAIT_TIMEOUT);
        if (v.isEmpty()) {
            return DEFAULT_WAIT;
        }
        Duration d;
        try {
            String t = v.get();
            d = t.startsWith("P") || t.startsWith("p") ? Duration.parse(t)
                    : Duration.ofNanos(Math.round(Double.parseDouble(t) * 1e9));
        } catch (RuntimeException e) {
            throw config.invalid(Setting.WAIT_TIMEOUT, "is not a wait timeout; give seconds (30, 2.5) or ISO-8601 (PT2M)", e);
        }
        if (d.isNegative()) {
            throw config.invalid(Setting.WAIT_TIMEOUT, "is negative; give seconds (30) or PT2M", null);
        }
        return d;
    }

    /** The time left, {@link Duration#ZERO} once expired. */
    public Duration remaining() {
        return Duration.ofNanos(Math.max(0, end - System.nanoTime()));
    }

    /** Whether the time is up. */
    public boolean expired() {
        return System.nanoTime() - end >= 0;
    }

    /**
     * Waits a little before the next poll.
     *
     * @param what the thing waited for, for the cancellation message
     * @throws CancellationException if the thread was interrupted (the flag is kept set)
     */
    public void pause(String what) {
        if (Thread.interrupted()) {
            Thread.currentThread().interrupt();
            throw new CancellationException("wait for " + what + " interrupted");
        }
        if (polls++ < SPINS) {
            Thread.onSpinWait();
            return;
        }
        long left = end - System.nanoTime();
        LockSupport.parkNanos(Math.max(0, Math.min(park, left)));
        park = Math.min(park * 2, MAX_PARK_NANOS);
    }
}
