package io.jynq.d2l;

import io.jynq.ffi.NativeMemory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Turns the named values of a call into the operation's ordered, typed arguments: defaults fill
 * what is missing, each {@code len_<buffer>} becomes its buffer's size in bytes, and everything is
 * checked before anything runs.
 */
public final class ArgumentBinder {
    private ArgumentBinder() {}

    /**
     * @param op     the operation
     * @param values argument name to value (Number, Boolean, NativeMemory)
     * @return the values in argument order, converted by {@link ArgType#coerce}
     * @throws IllegalArgumentException naming the operation and argument when a value is
     *                                  missing, unknown, of the wrong type or out of range, when an
     *                                  automatic {@code len_} argument is given, or when a buffer is
     *                                  closed or 4 GiB or larger
     */
    public static List<Object> bind(Operation op, Map<String, ?> values) {
        for (String name : values.keySet()) {
            Argument a = op.argument(name);
            if (a == null) {
                throw new IllegalArgumentException(op.name() + " has no argument \"" + name + "\"; arguments: "
                        + names(op));
            }
            if (a.automatic()) {
                throw new IllegalArgumentException(op.name() + ": \"" + name + "\" is set from the buffer's size; leave it out");
            }
        }
        List<Object> out = new ArrayList<>();
        for (Argument a : op.arguments()) {
            Object v;
            if (a.automatic()) {
                NativeMemory buffer = (NativeMemory) values.get(a.name().substring("len_".length()));
                if (buffer == null) {
                    throw new IllegalArgumentException(op.name() + ": buffer \"" + a.name().substring(4) + "\" is missing");
                }
                v = buffer.byteSize();
            } else {
                v = values.containsKey(a.name()) ? values.get(a.name()) : a.defaultValue();
                if (v == null) {
                    throw new IllegalArgumentException(op.name() + ": argument \"" + a.name() + "\" (" + a.type()
                            + ") is required; arguments: " + names(op));
                }
            }
            try {
                Object c = a.type().coerce(v);
                if (c instanceof NativeMemory m) {
                    m.checkOpen();
                }
                out.add(c);
            } catch (IllegalArgumentException | IllegalStateException e) {
                throw new IllegalArgumentException(op.name() + ": argument \"" + a.name() + "\": " + e.getMessage(), e);
            }
        }
        return out;
    }

    private static String names(Operation op) {
        return op.arguments().isEmpty() ? "none" : String.join(", ", new TreeSet<>(op.arguments().stream()
                .map(a -> a.name() + (a.automatic() ? " (automatic)" : a.isRequired() ? "" : " (optional)")).toList()));
    }
}
