package io.jynq.kernel.eval;

import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.concurrent.atomic.AtomicReference;
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
 */
final class CapturingExecutionControl extends LocalExecutionControl {
    private static final String CANCEL_CLASS = "REPL.$Cancel$";

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

    /** The object read by the last {@link #varValue} call. */
    Object captured() {
        return captured;
    }

    @Override
    protected String invoke(Method doitMethod) throws Exception {
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
        super.invoke(noop);
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
