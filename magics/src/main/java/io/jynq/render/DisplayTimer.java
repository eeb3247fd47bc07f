package io.jynq.render;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Runs the trailing flush of a rate-limited output (the state that came too soon to be shown)
 * once its interval has passed, on one daemon thread shared by all outputs, so a loop that stops
 * appending still shows its last state while the cell runs. The thread never keeps the JVM alive.
 */
public final class DisplayTimer {
    private static volatile ScheduledExecutorService timer;

    private DisplayTimer() {
    }

    /**
     * Runs {@code flush} once after {@code delayNanos} nanoseconds (at once if not positive).
     * {@code flush} must not throw; an exception is printed to {@code System.err} and dropped so the
     * timer thread survives.
     */
    public static void schedule(Runnable flush, long delayNanos) {
        timer().schedule(() -> {
            try {
                flush.run();
            } catch (RuntimeException e) {
                System.err.println("jynq: a display update failed: " + e);
            }
        }, Math.max(0, delayNanos), TimeUnit.NANOSECONDS);
    }

    private static ScheduledExecutorService timer() {
        ScheduledExecutorService t = timer;
        if (t == null) {
            synchronized (DisplayTimer.class) {
                t = timer;
                if (t == null) {
                    ScheduledThreadPoolExecutor e = new ScheduledThreadPoolExecutor(1, r -> {
                        Thread th = new Thread(r, "jynq-display-flush");
                        th.setDaemon(true);
                        return th;
                    });
                    e.setRemoveOnCancelPolicy(true);
                    timer = t = e;
                }
            }
        }
        return t;
    }
}
