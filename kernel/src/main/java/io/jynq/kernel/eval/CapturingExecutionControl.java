package io.jynq.kernel.eval;

import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jdk.jshell.execution.LocalExecutionControl;

/**
 * JShell's in-process execution control with two changes the kernel needs.
 *
 * <p><b>Values as objects.</b> When the evaluator asks for a variable's value, the object is kept
 * so the kernel can render it (a chart, a table, an overlay) instead of its {@code toString()}.
 *
 * <p><b>Background threads outlive their cell.</b> {@link LocalExecutionControl#invoke(Method)}
 * joins every thread of the snippet's thread group it finds right after starting the snippet, so
 * a thread the snippet starts within that instant blocks the cell until it ends (measured on
 * JDK 25: a cell that starts a 700 ms background display waited for it). Here only the snippet
 * thread is joined. Stopping keeps JShell's mechanism: on JDK 20+ JShell instruments snippet
 * bytecode to check {@code REPL.$Cancel$.allStop} at method entry and backward branches (the
 * class is loaded by running the inherited {@code invoke} once); on JDK 17–19 the snippet
 * thread is stopped with {@code Thread.stop}, as JShell itself does there. Either way the
 * snippet thread is also interrupted, which ends sleeps and waits and is what library loops
 * check ({@link Thread#interrupted()}).
 *
 * <p><b>Compile first, run later.</b> While {@link #setDeferring deferring}, JShell's request to
 * run a snippet is recorded instead of run, so the evaluator can compile every snippet of a cell
 * before it runs any ({@link #runDeferred}).
 *
 * <p><b>Where values live.</b> Every loaded snippet class is recorded: the wrapper class holding
 * each session variable's static field and the class of each top-level class a cell declared,
 * so that a value can be carried from a replaced wrapper to its replacement.
 *
 * <p><b>No exit.</b> Snippet bytecode is passed through {@link ExitRewriter} before it is
 * loaded, so a cell cannot end the kernel with {@code System.exit}.
 */
final class CapturingExecutionControl extends LocalExecutionControl {
    private static final String CANCEL_CLASS = "REPL.$Cancel$";
    /** JShell's wrapper class names: REPL.$JShell$12, a replacement REPL.$JShell$12B; group 2 a class a cell declared. */
    private static final Pattern SNIPPET_CLASS = Pattern.compile("REPL\\.\\$JShell\\$\\d+[A-Z]*(\\$([^$]+))?");

    private final Map<String, Class<?>> varHolders = new HashMap<>();
    private final Map<String, Class<?>> declaredClasses = new HashMap<>();
    private final List<Method> deferred = new ArrayList<>();
    private boolean deferring;

    private volatile Object captured;
    private volatile Thread snippetThread;
    private volatile boolean stopping;
    private Field allStop;
    private boolean cancelProbed;

    @Override
    public String varValue(String className, String varName)
            throws RunException, EngineTerminationException, InternalException {
        try {
            Field field = findClass(className).getDeclaredField(varName);
            field.setAccessible(true);
            captured = field.get(null);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new InternalException("cannot read " + className + "." + varName + ": " + e);
        }
        return valueString(captured);
    }

    /** The object read by the last {@link #varValue} call, no longer held here. */
    Object takeCaptured() {
        Object v = captured;
        captured = null;
        return v;
    }

    /**
     * Clears the static field that holds {@code varName} (a dropped {@code $N} temporary): the
     * snippet's class stays loaded after JShell drops the snippet, and its field would keep the
     * value reachable for the rest of the session (issue 14: a 511 MB buffer shown as a cell's
     * value and never assigned held its DDR until the kernel exited).
     */
    void forget(String varName) {
        Class<?> k = varHolders.remove(varName);
        if (k == null) {
            return;
        }
        try {
            Field f = k.getDeclaredField(varName);
            if (!f.getType().isPrimitive() && !Modifier.isFinal(f.getModifiers())) {
                f.setAccessible(true);
                f.set(null, null);
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            // the class is gone or the field is not ours to clear: nothing is held through it
        }
    }

    /**
     * How many classes JShell asked this engine to redefine in place: it does so for the classes of
     * every earlier snippet a new one replaces, and this engine refuses (it is not JDI), so each
     * try is a thrown exception and a class to load under a new name. For tests of what a cell costs.
     */
    private long redefinesTried;

    long redefinesTried() {
        return redefinesTried;
    }

    @Override
    public void redefine(ClassBytecodes[] cbcs)
            throws ClassInstallException, NotImplementedException, EngineTerminationException {
        redefinesTried += cbcs.length;
        super.redefine(cbcs);
    }

    @Override
    public void load(ClassBytecodes[] cbcs)
            throws ClassInstallException, NotImplementedException, EngineTerminationException {
        ClassBytecodes[] guarded = new ClassBytecodes[cbcs.length];
        for (int i = 0; i < cbcs.length; i++) {
            guarded[i] = new ClassBytecodes(cbcs[i].name(), ExitRewriter.rewrite(cbcs[i].bytecodes()));
        }
        super.load(guarded);
        for (ClassBytecodes c : cbcs) {
            record(c.name());
        }
    }

    private void record(String name) {
        Matcher m = SNIPPET_CLASS.matcher(name);
        if (!m.matches()) {
            return;
        }
        try {
            Class<?> k = findClass(name);
            if (m.group(2) != null) {
                declaredClasses.put(m.group(2), k);
                return;
            }
            for (Field f : k.getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers()) && !f.isSynthetic()) {
                    varHolders.put(f.getName(), k);
                }
            }
        } catch (ClassNotFoundException | LinkageError e) {
            // not a class we can carry values for; JShell reports its own problems
        }
    }

    /** Variable name → the snippet class whose static field holds it now (a copy). */
    Map<String, Class<?>> varHolders() {
        return new HashMap<>(varHolders);
    }

    /** Simple name of a class a cell declared → its current class (a copy). */
    Map<String, Class<?>> declaredClasses() {
        return new HashMap<>(declaredClasses);
    }

    /** While true, JShell's requests to run snippets are recorded for {@link #takeDeferred} instead of run. */
    void setDeferring(boolean on) {
        deferring = on;
    }

    /** The snippet entry points recorded since the last call, in order. */
    List<Method> takeDeferred() {
        List<Method> out = new ArrayList<>(deferred);
        deferred.clear();
        return out;
    }

    /**
     * Runs a recorded snippet entry point on a snippet thread, as JShell would have.
     *
     * @throws Throwable what the snippet threw (unwrapped), or {@link StoppedException} if stopped
     */
    void runDeferred(Method doit) throws Throwable {
        try {
            run(doit);
        } catch (InvocationTargetException e) {
            throw e.getCause() == null ? e : e.getCause();
        }
    }

    @Override
    protected String invoke(Method doitMethod) throws Exception {
        if (deferring) {
            deferred.add(doitMethod);
            return "";
        }
        return run(doitMethod);
    }

    private String run(Method doitMethod) throws Exception {
        probeCancelClass();
        setAllStop(false);
        stopping = false;
        AtomicReference<Object> result = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread t = new Thread(() -> {
            try {
                result.set(doitMethod.invoke(null));
            } catch (Throwable e) {
                failure.set(e);
            }
        }, "jynq-snippet");
        snippetThread = t;
        try {
            t.start();
            t.join();
        } finally {
            snippetThread = null;
        }
        Throwable f = failure.get();
        if (f != null) {
            Throwable cause = f instanceof InvocationTargetException ? f.getCause() : f;
            if (stopping && isThreadDeath(cause)) {
                throw new StoppedException();
            }
            if (f instanceof Exception) {
                throw (Exception) f;
            }
            throw new InvocationTargetException(f);
        }
        return valueString(result.get());
    }

    private static boolean isThreadDeath(Throwable t) {
        return t != null && t.getClass().getName().equals("java.lang.ThreadDeath");
    }

    @Override
    public void stop() {
        Thread t = snippetThread;
        if (t == null) {
            return;
        }
        stopping = true;
        setAllStop(true);
        t.interrupt();
        if (allStop == null) {
            stopWithThreadStop(t);
        }
    }

    /** JDK 17–19: what JShell's own stop does there. On JDK 20+ Thread.stop throws and is not used. */
    private static void stopWithThreadStop(Thread t) {
        try {
            Thread.class.getMethod("stop").invoke(t);
        } catch (ReflectiveOperationException | RuntimeException e) {
            // JDK 20+: unsupported; the instrumented stop check and the interrupt do the work
        }
    }

    /** Lets JShell load its REPL.$Cancel$ class once (JDK 20+ only; absent on 17). */
    private void probeCancelClass() throws Exception {
        if (cancelProbed) {
            return;
        }
        cancelProbed = true;
        Method noop = CapturingExecutionControl.class.getDeclaredMethod("noop");
        noop.setAccessible(true);
        // JDK 17's invoke installs a JVM-wide default handler that drops every uncaught exception
        // but its own snippet's: a failing callback thread would end without a word
        Thread.UncaughtExceptionHandler jvmDefault = Thread.getDefaultUncaughtExceptionHandler();
        super.invoke(noop);
        Thread.setDefaultUncaughtExceptionHandler(jvmDefault);
        try {
            allStop = findClass(CANCEL_CLASS).getField("allStop");
        } catch (ClassNotFoundException | NoSuchFieldException e) {
            allStop = null;
        }
    }

    private void setAllStop(boolean value) {
        Field f = allStop;
        if (f != null) {
            try {
                f.setBoolean(null, value);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("cannot set " + CANCEL_CLASS + ".allStop", e);
            }
        }
    }

    @SuppressWarnings("unused")
    private static void noop() {
        // run once through JShell's own invoke so that it defines REPL.$Cancel$
    }
}
