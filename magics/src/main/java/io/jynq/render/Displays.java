package io.jynq.render;

import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The process-wide {@link DisplaySink}: a {@link ConsoleSink} on {@code System.out} until the
 * kernel installs its own at startup. Also tracks outputs whose last state is not shown yet
 * (rate-limited live plots and progress bars) so the kernel can flush them before a cell ends.
 */
public final class Displays {
    private static volatile DisplaySink sink = ConsoleSink.systemOut();
    private static final Set<Runnable> PENDING = ConcurrentHashMap.newKeySet();
    private static final AtomicLong CELL = new AtomicLong();

    private Displays() {
    }

    /** The sink outputs go to now. */
    public static DisplaySink sink() {
        return sink;
    }

    /**
     * Makes {@code s} the sink for every later output and returns the previous one (tests put it
     * back in a {@code finally}).
     */
    public static DisplaySink install(DisplaySink s) {
        DisplaySink previous = sink;
        sink = Objects.requireNonNull(s, "sink");
        return previous;
    }

    /**
     * Runs every pending flush (the latest state of each throttled output) on the caller's
     * thread. The kernel calls this at the end of each cell, while it may still publish.
     */
    public static void flushPending() {
        for (Runnable r : PENDING.toArray(new Runnable[0])) {
            if (PENDING.remove(r)) {
                r.run();
            }
        }
    }

    /** Registers {@code flush} to run at the next {@link #flushPending()} (once). */
    public static void pending(Runnable flush) {
        PENDING.add(Objects.requireNonNull(flush, "flush"));
    }

    /** Withdraws a flush that its owner has run itself. */
    public static void done(Runnable flush) {
        PENDING.remove(flush);
    }

    /** The kernel calls this as each cell starts: outputs may be reused within one cell only. */
    public static void cellStarted() {
        CELL.incrementAndGet();
    }

    /** Counts the cells started so far (0 outside a kernel): equal values mean the same cell. */
    public static long cell() {
        return CELL.get();
    }
}
