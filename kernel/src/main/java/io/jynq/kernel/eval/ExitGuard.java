package io.jynq.kernel.eval;

/**
 * What a cell's {@code System.exit}, {@code Runtime.exit} and {@code Runtime.halt} call instead:
 * they would end the kernel's JVM and every variable of the session with it. Snippet bytecode is
 * rewritten to call these methods ({@link ExitRewriter}); code outside the cells (libraries) is
 * not. SecurityManager, the old way to refuse an exit, is gone from JDK 24 on; this works on 17
 * and 25 alike.
 */
public final class ExitGuard {
    private ExitGuard() {
    }

    /**
     * Replaces {@link System#exit(int)} in a cell.
     *
     * @throws SecurityException always, saying why and what to do instead
     */
    public static void exit(int status) {
        throw refused("System.exit(" + status + ")");
    }

    /**
     * Replaces {@link Runtime#exit(int)} in a cell.
     *
     * @throws SecurityException always
     */
    public static void runtimeExit(Runtime runtime, int status) {
        throw refused("Runtime.exit(" + status + ")");
    }

    /**
     * Replaces {@link Runtime#halt(int)} in a cell.
     *
     * @throws SecurityException always
     */
    public static void runtimeHalt(Runtime runtime, int status) {
        throw refused("Runtime.halt(" + status + ")");
    }

    private static SecurityException refused(String call) {
        return new SecurityException(call + " is refused in a notebook cell: it would end the kernel and lose"
                + " every variable of the session; use the notebook's Restart (or Shut Down) instead");
    }
}
