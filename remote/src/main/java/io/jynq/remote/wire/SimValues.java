package io.jynq.remote.wire;

import com.google.protobuf.ByteString;
import io.jynq.remote.proto.ext.SimValue;

/**
 * Arguments and results of a simulated model's methods on the wire ({@code jynq.remote.SimValue}):
 * Java primitives and their boxes, {@code String}, enum constants (by name) and {@code byte[]},
 * which is what the models' controls take and give ({@code setInput(int, int)},
 * {@code setLatencyReads(int)}, {@code input(int)}). Anything else cannot cross the network, and
 * says so.
 */
public final class SimValues {
    private SimValues() {}

    /** Whether values of {@code type} can cross: void, primitives, boxes, String, enums, byte[]. */
    public static boolean crosses(Class<?> type) {
        return type == void.class || type == Void.class || type.isPrimitive() || type == String.class || type.isEnum()
                || type == byte[].class || type == Boolean.class || type == Character.class
                || Number.class.isAssignableFrom(type) && type.getName().startsWith("java.lang.");
    }

    /**
     * {@code value} on the wire.
     *
     * @throws IllegalArgumentException if its class cannot cross
     */
    public static SimValue toProto(Object value) {
        SimValue.Builder b = SimValue.newBuilder();
        if (value == null) {
            return b.setNone(true).build();
        }
        if (value instanceof Boolean f) {
            return b.setFlag(f).build();
        }
        if (value instanceof Float || value instanceof Double) {
            return b.setReal(((Number) value).doubleValue()).build();
        }
        if (value instanceof Byte || value instanceof Short || value instanceof Integer || value instanceof Long) {
            return b.setInteger(((Number) value).longValue()).build();
        }
        if (value instanceof Character c) {
            return b.setInteger(c).build();
        }
        if (value instanceof String s) {
            return b.setText(s).build();
        }
        if (value instanceof Enum<?> e) {
            return b.setText(e.name()).build();
        }
        if (value instanceof byte[] raw) {
            return b.setRaw(ByteString.copyFrom(raw)).build();
        }
        throw new IllegalArgumentException("a " + value.getClass().getName() + " cannot cross the network to or from a"
                + " simulated model (primitives, String, enums and byte[] can)");
    }

    /**
     * {@code v} as a value of {@code type}.
     *
     * @throws IllegalArgumentException if {@code v} does not fit {@code type} (a number out of its
     *     range, an unknown enum constant, another kind of value)
     */
    public static Object fromProto(SimValue v, Class<?> type) {
        if (v.getKindCase() == SimValue.KindCase.NONE || v.getKindCase() == SimValue.KindCase.KIND_NOT_SET) {
            if (type.isPrimitive() && type != void.class) {
                throw new IllegalArgumentException("null for a " + type.getName());
            }
            return null;
        }
        Class<?> t = box(type);
        switch (v.getKindCase()) {
            case FLAG -> {
                if (t == Boolean.class) {
                    return v.getFlag();
                }
            }
            case REAL -> {
                if (t == Double.class) {
                    return v.getReal();
                }
                if (t == Float.class) {
                    return (float) v.getReal();
                }
            }
            case INTEGER -> {
                long n = v.getInteger();
                if (t == Long.class) {
                    return n;
                }
                if (t == Integer.class && n == (int) n) {
                    return (int) n;
                }
                if (t == Short.class && n == (short) n) {
                    return (short) n;
                }
                if (t == Byte.class && n == (byte) n) {
                    return (byte) n;
                }
                if (t == Character.class && n == (char) n) {
                    return (char) n;
                }
                if (t == Double.class) {
                    return (double) n;
                }
                if (t == Float.class) {
                    return (float) n;
                }
                if (t == Integer.class || t == Short.class || t == Byte.class || t == Character.class) {
                    throw new IllegalArgumentException(n + " does not fit a " + type.getName());
                }
            }
            case TEXT -> {
                if (t == String.class) {
                    return v.getText();
                }
                if (t.isEnum()) {
                    for (Object c : t.getEnumConstants()) {
                        if (((Enum<?>) c).name().equals(v.getText())) {
                            return c;
                        }
                    }
                    throw new IllegalArgumentException("no constant " + v.getText() + " in " + t.getName());
                }
            }
            case RAW -> {
                if (t == byte[].class) {
                    return v.getRaw().toByteArray();
                }
            }
            default -> { }
        }
        throw new IllegalArgumentException("a " + v.getKindCase().name().toLowerCase(java.util.Locale.ROOT)
                + " value for a " + type.getName());
    }

    private static Class<?> box(Class<?> t) {
        if (!t.isPrimitive()) {
            return t;
        }
        return switch (t.getName()) {
            case "boolean" -> Boolean.class;
            case "byte" -> Byte.class;
            case "short" -> Short.class;
            case "char" -> Character.class;
            case "int" -> Integer.class;
            case "long" -> Long.class;
            case "float" -> Float.class;
            case "double" -> Double.class;
            default -> Void.class;
        };
    }
}
