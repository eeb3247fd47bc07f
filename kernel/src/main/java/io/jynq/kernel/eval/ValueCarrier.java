package io.jynq.kernel.eval;

import java.lang.reflect.Field;

/**
 * Moves a session variable's value from the snippet class JShell replaced to its replacement.
 * JShell's in-process engine cannot redefine a loaded class, so when a variable's snippet is
 * recompiled (because an import or a class it names changed) JShell loads a new class whose
 * static field starts at null/0; the old class still holds the value. The value moves when the
 * new field can hold it, as the {@code jshell} tool's class redefinition keeps it.
 */
final class ValueCarrier {
    private ValueCarrier() {
    }

    /**
     * @return null if carried, else why not (the declared type changed, e.g. a redefined class)
     */
    static String carry(String name, Class<?> from, Class<?> to) {
        try {
            Field old = from.getDeclaredField(name);
            Field now = to.getDeclaredField(name);
            old.setAccessible(true);
            now.setAccessible(true);
            Object value = old.get(null);
            if (now.getType().isPrimitive() ? now.getType() != old.getType()
                    : value != null && !now.getType().isInstance(value)) {
                return "its type " + now.getType().getSimpleName() + " was redefined, the old value is not one";
            }
            now.set(null, value);
            return null;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return "cannot move its value (" + e + ")";
        }
    }
}
