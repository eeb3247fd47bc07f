package io.jynq.d2l;

import io.jynq.error.SourcePosition;
/**
 * One argument of an operation.
 *
 * @param name         argument name (lower case by convention)
 * @param type         its type
 * @param cast         a C/C++ type the value is cast to for a native call, or empty
 * @param defaultValue the default already converted by {@link ArgType#coerce}, or null when the
 *                     argument is required
 * @param description  one line, or empty
 * @param automatic    true for the {@code len_<buffer>} argument SEND_BUFFER adds: its value is
 *                     the buffer's size in bytes, filled in by {@link ArgumentBinder}
 * @param at           where it is written (the operation's position for an automatic one)
 */
public record Argument(String name, ArgType type, String cast, Object defaultValue, String description,
        boolean automatic, SourcePosition at) {

    /** True when a call must supply it. */
    public boolean isRequired() {
        return defaultValue == null && !automatic;
    }
}
