package io.jynq.magics;

/**
 * Whether the cells after a failed {@code %%require_overlay} run. A tutorial that needs a design
 * JYNQ does not ship says so once, in its first output; the kernel then answers every later cell
 * with one line instead of running it, so Run All shows one explanation rather than a cascade of
 * errors. A later {@code %%require_overlay} that finds its design opens the gate again, as does a
 * kernel restart.
 */
public final class NotebookGate {
    private static volatile String closedBecause;

    private NotebookGate() {
    }

    /** Skips later cells; {@code reason} is shown in each, e.g. "pynqz1_base is missing". */
    public static void close(String reason) {
        closedBecause = reason;
    }

    /** Runs later cells again. */
    public static void open() {
        closedBecause = null;
    }

    /** Why later cells are skipped, or null when they run. */
    public static String closedBecause() {
        return closedBecause;
    }
}
