package io.jynq.d2l;

import io.jynq.error.SourcePosition;
import java.time.Duration;

/**
 * One step of a {@link RegisterProgram}. A register is named as in the IP's register map
 * ({@code CTRL}); a field is named after a dot ({@code CTRL.AP_START}) and is read and written
 * right-aligned, the backend doing the read-modify-write.
 */
public sealed interface RegisterStep permits RegisterStep.Write, RegisterStep.Read, RegisterStep.Poll {

    /** The register name. */
    String register();

    /** The field name, or empty for the whole register. */
    String field();

    /** Where the step is written. */
    SourcePosition at();

    /** {@code register[.field]} as written. */
    default String target() {
        return field().isEmpty() ? register() : register() + "." + field();
    }

    /**
     * Writes a value.
     *
     * @param value the value: a literal, an argument or an earlier read
     */
    record Write(String register, String field, ValueRef value, SourcePosition at) implements RegisterStep {}

    /**
     * Reads a value and keeps it under a name for later steps and the result.
     *
     * @param as the name the value is kept under
     */
    record Read(String register, String field, String as, SourcePosition at) implements RegisterStep {}

    /**
     * Reads until the value equals {@code until}, failing after {@code timeout}.
     *
     * @param until   the value waited for
     * @param timeout how long to wait
     */
    record Poll(String register, String field, ValueRef until, Duration timeout, SourcePosition at)
            implements RegisterStep {}
}
