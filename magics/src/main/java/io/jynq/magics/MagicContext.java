package io.jynq.magics;

import io.jynq.facade.JavaNames;
import java.io.PrintStream;

/**
 * What a magic may ask of the kernel it runs in. The kernel implements this (its adapter lives in
 * {@code io.jynq.kernel.magics}); tests implement it with a recording fake.
 *
 * <p>A magic runs while a JShell snippet runs, and JShell cannot evaluate while a snippet runs:
 * code given to {@link #evalJava} runs right after the snippet that called the magic, before the
 * cell's next line. So {@code %overlay load x} followed by {@code ol.axi_dma_0} on the next line
 * works, but a magic cannot read back the value of code it submits.
 */
public interface MagicContext {

    /**
     * Runs one complete Java snippet (a declaration, statement or expression) in the session,
     * right after the current snippet. Its value, if any, is not shown.
     *
     * @param snippet exactly one snippet, e.g. a class declaration or {@code var x = 1;}
     */
    void evalJava(String snippet);

    /**
     * Declares {@code variable} in the session holding {@code value}, typed as {@code typeName}
     * (a class visible to JShell, e.g. {@code io.jynq.overlay.Overlay}), replacing any earlier
     * declaration of that name. Runs after the current snippet, like {@link #evalJava}.
     *
     * @throws MagicUsageException if {@code variable} is not a Java identifier
     */
    default void bind(String variable, String typeName, Object value) {
        try {
            JavaNames.requireIdentifier(variable, "variable name");
        } catch (IllegalArgumentException e) {
            throw new MagicUsageException(e.getMessage());
        }
        String key = Handoff.put(value);
        evalJava(typeName + " " + variable + " = (" + typeName + ") " + Handoff.class.getName() + ".take(\"" + key + "\");");
    }

    /**
     * Shows {@code o} below the cell now, rendered by the kernel's renderers.
     *
     * @return the display id, for {@link #updateDisplay}
     */
    String display(Object o);

    /** Replaces what {@link #display} showed under {@code displayId}. */
    void updateDisplay(String displayId, Object o);

    /** The cell's standard output. */
    PrintStream out();

    /** The cell's standard error. */
    PrintStream err();
}
