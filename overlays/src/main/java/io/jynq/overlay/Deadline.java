package io.jynq.overlay;

import java.time.Duration;
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
    /**
     * How long a wait without a timeout argument ({@code dma.sendChannel().await()}, PYNQ's
     * {@code wait()}) lasts before it reports the registers: {@code JYNQ_WAIT_TIMEOUT} in seconds
     * (system property {@code jynq.wait.timeout} first), else 10 s. The notebook's stop button
     * ends it sooner.
     */
    public static Duration defaultTimeout() {
        String s = System.getProperty("jynq.wait.timeout", System.getenv("JYNQ_WAIT_TIMEOUT"));
        if (s != null && !s.isBlank()) {
            try {
                double seconds = Double.parseDouble(s.strip());
                if (seconds > 0) {
                    return Duration.ofMillis((long) (seconds * 1000));
                }
            } catch (NumberFormatException e) {
                // fall through to the default: a wait must not fail over a malformed setting
            }
        }
        return Duration.ofSeconds(10);
    }

    private static final int SPINS = 64;
    private static final long MAX_PARK_NANOS = 1_000_000;

    private final long end;
    private int polls;
    private long park = 1_000;

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
