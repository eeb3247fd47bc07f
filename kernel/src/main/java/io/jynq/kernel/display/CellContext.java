package io.jynq.kernel.display;

import org.dflib.jjava.jupyter.messages.MessageContext;

/**
 * The execute request a thread works for. Set on the shell thread while a cell runs and
 * inherited by every thread created from then on (the JShell snippet thread and whatever threads
 * the snippet starts): it marks the threads whose output belongs in the notebook rather than in
 * the server's log. Which cell shows it is {@link IoPublisher}'s choice (the one running now).
 */
public final class CellContext {
    private static final InheritableThreadLocal<CellContext> CURRENT = new InheritableThreadLocal<>();

    private final MessageContext request;
    private final int executionCount;

    public CellContext(MessageContext request, int executionCount) {
        this.request = request;
        this.executionCount = executionCount;
    }

    /** The cell of the calling thread, or null for kernel threads that no cell started. */
    public static CellContext current() {
        return CURRENT.get();
    }

    /** Makes this the calling thread's cell (and that of threads it creates from now on). */
    public void enter() {
        CURRENT.set(this);
    }

    /** Clears the calling thread's cell; threads already created keep theirs. */
    public static void exit() {
        CURRENT.remove();
    }

    public MessageContext request() {
        return request;
    }

    public int executionCount() {
        return executionCount;
    }
}
