package io.jynq.kernel.eval;

import java.lang.reflect.Field;
import jdk.jshell.execution.LocalExecutionControl;

/**
 * JShell's in-process execution control, plus one thing JShell does not give: the value of a
 * variable as an object rather than a string. When the evaluator asks for a variable's value,
 * the object is kept so the kernel can render it (an XChart chart, a table, an overlay) instead
 * of showing its {@code toString()}.
 */
final class CapturingExecutionControl extends LocalExecutionControl {
    private volatile Object captured;

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
}
