package io.jynq.kernel.eval;

import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;

/**
 * The compiler's file manager for a session, which lets the evaluator have javac's reused
 * compiler contexts thrown away now and then, so that what they keep from earlier cells is freed.
 *
 * <p>Why: JShell runs javac through a pool ({@code com.sun.tools.javac.api.JavacTaskPool}) that
 * reuses one compiler context per option set for the whole session. Between tasks the pool resets
 * the context's per-task state, but not javac's cache of method-argument types
 * ({@code ArgumentAttr.argumentTypeCache}): an entry made while javac tries overloads
 * (speculative attribution: a call inside a lambda passed to a method, a call inside a call's
 * argument) is never removed, and each holds its whole compilation unit (the snippet's wrapper
 * class with every import of the session, its symbols and trees). JDK 17 to 25 and javac's
 * current source alike. Measured with a heap dump (GC-root paths: 1395 of 1922 live
 * {@code JCImport} trees held by that cache) after 200 cells of the expression wrapper
 * ({@link ExpressionSnippets}), whose lambda makes every expression cell leave such entries:
 * about 60 kB a cell, 23k {@code JCImport}s and a full 80 MB heap by tutorial 06. Cells with
 * nested calls leave them without the wrapper too. Scopes' listener lists of weak references
 * grow in the same contexts.
 *
 * <p>How: the pool does not return a context to the pool, but drops it, when after a task the
 * file manager reports a patched module path ({@code ReusableContext.clear()} calls
 * {@code hasLocation(PATCH_MODULE_PATH)} for that purpose). While {@link #retire(boolean)} is on,
 * this file manager answers that one call, made by the pool's {@code clear}, with true; javac's own
 * questions during a compile get the real answer. The next task then builds a fresh context (it
 * reads the classes it needs again; JShell's compiled snippets stay in JShell's own file manager),
 * and the old one with everything it kept becomes garbage. If a later JDK stops asking, contexts
 * are kept as before: memory, not behaviour, is lost.
 */
final class CompilerContextRecycler extends ForwardingStandardFileManager {
    private static final StackWalker STACK = StackWalker.getInstance();
    private static final String POOLED_CONTEXT = "com.sun.tools.javac.api.JavacTaskPool$ReusableContext";

    private volatile boolean retiring;
    private volatile int retired;

    CompilerContextRecycler(StandardJavaFileManager standard) {
        super(standard);
    }

    /** While on, every compiler context that finishes a task is dropped instead of reused. */
    void retire(boolean on) {
        retiring = on;
    }

    /** How many contexts were dropped so far (for tests and measurements). */
    int retired() {
        return retired;
    }

    @Override
    public boolean hasLocation(Location location) {
        if (retiring && location == StandardLocation.PATCH_MODULE_PATH && calledByPoolClear()) {
            retired++;
            return true;
        }
        return super.hasLocation(location);
    }

    private static boolean calledByPoolClear() {
        return STACK.walk(frames -> frames.limit(12).anyMatch(f -> f.getMethodName().equals("clear")
                && f.getClassName().equals(POOLED_CONTEXT)));
    }
}
