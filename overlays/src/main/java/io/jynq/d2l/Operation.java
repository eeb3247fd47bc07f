package io.jynq.d2l;

import io.jynq.error.SourcePosition;
import java.util.List;

/**
 * One operation of a device.
 *
 * @param name              upper-case name, e.g. {@code SET_GAIN}
 * @param description       one line, or empty
 * @param returnDescription the D2L {@code return} text, or empty
 * @param returnType        the type of the value returned, or null for none
 * @param atInit            AT_INIT: run when the device is opened
 * @param bufferNames       SEND_BUFFER's buffers (each a {@code buffer} argument), empty without the flag
 * @param arguments         arguments in call order, the automatic {@code len_<buffer>} ones last
 * @param implementation    how it is carried out
 * @param at                where it is written
 */
public record Operation(String name, String description, String returnDescription, ArgType returnType,
        boolean atInit, List<String> bufferNames, List<Argument> arguments, Implementation implementation,
        SourcePosition at) {

    public Operation {
        bufferNames = List.copyOf(bufferNames);
        arguments = List.copyOf(arguments);
    }

    /** True with the SEND_BUFFER flag. */
    public boolean sendsBuffer() {
        return !bufferNames.isEmpty();
    }

    /** The argument called {@code name}, or null. */
    public Argument argument(String name) {
        return arguments.stream().filter(a -> a.name().equals(name)).findFirst().orElse(null);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(name).append('(');
        for (int i = 0; i < arguments.size(); i++) {
            Argument a = arguments.get(i);
            sb.append(i == 0 ? "" : ", ").append(a.type().yamlName()).append(' ').append(a.name());
        }
        sb.append(')');
        if (returnType != null) {
            sb.append(" -> ").append(returnType.yamlName());
        }
        return sb.toString();
    }
}
