package io.jynq.overlay.ops;

import io.jynq.d2l.ArgType;
import io.jynq.d2l.Argument;
import io.jynq.d2l.BoundDevice;
import io.jynq.d2l.DriverMethod;
import io.jynq.d2l.Operation;
import io.jynq.ffi.NativeMemory;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A typed view of a {@link BoundDevice} through a Java interface the user writes: each abstract
 * method calls the operation whose name is the method's in UPPER_SNAKE ({@code setTaps} calls
 * {@code SET_TAPS}), passing its parameters in order to the operation's arguments (the automatic
 * {@code len_} ones left out; trailing arguments with defaults may be omitted), and converts the
 * result to the method's return type.
 * <pre>{@code
 * interface Dsp {
 *     int add(int a, int b);
 *     void setTaps(int c0, int c1);
 *     long checksum(ContiguousBuffer data);
 * }
 * Dsp dsp = DeviceOps.open(ol, "DSP_LOOPBACK", Dsp.class);
 * dsp.add(2, 40);                                    // 42
 * }</pre>
 * Every method is checked against the description when the view is made.
 */
final class DeviceFacade implements InvocationHandler {
    private final BoundDevice device;
    private final Map<Method, Operation> operations;

    private DeviceFacade(BoundDevice device, Map<Method, Operation> operations) {
        this.device = device;
        this.operations = operations;
    }

    /**
     * @throws IllegalArgumentException naming the method when {@code type} is not an interface, or
     *                                  a method has no operation, the wrong number of parameters or
     *                                  a parameter type its argument cannot take
     */
    static <T> T of(BoundDevice device, Class<T> type) {
        if (!type.isInterface()) {
            throw new IllegalArgumentException(type.getName() + " is not an interface; declare one method per operation");
        }
        Map<String, Operation> byMethod = new LinkedHashMap<>();
        for (Operation op : device.description().operations()) {
            byMethod.put(DriverMethod.lowerCamel(op.name()), op);
        }
        Map<Method, Operation> ops = new HashMap<>();
        for (Method m : type.getMethods()) {
            if (!Modifier.isAbstract(m.getModifiers())) {
                continue;
            }
            Operation op = byMethod.get(m.getName());
            String where = type.getSimpleName() + "." + m.getName();
            if (op == null) {
                throw new IllegalArgumentException(where + " has no operation in device " + device.description().name()
                        + "; methods it can have: " + byMethod.keySet());
            }
            List<Argument> args = explicit(op);
            Class<?>[] p = m.getParameterTypes();
            if (p.length > args.size() || args.subList(p.length, args.size()).stream().anyMatch(Argument::isRequired)) {
                int required = args.size();
                while (required > 0 && !args.get(required - 1).isRequired()) {
                    required--;
                }
                throw new IllegalArgumentException(where + " takes " + p.length + " parameters but " + op + " takes "
                        + (required == args.size() ? "" : required + " to ") + args.size());
            }
            for (int i = 0; i < p.length; i++) {
                if (!fits(p[i], args.get(i).type())) {
                    throw new IllegalArgumentException(where + ": parameter " + (i + 1) + " is " + p[i].getSimpleName()
                            + " but argument \"" + args.get(i).name() + "\" of " + op.name() + " is " + args.get(i).type());
                }
            }
            ops.put(m, op);
        }
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, new DeviceFacade(device, ops)));
    }

    private static List<Argument> explicit(Operation op) {
        return op.arguments().stream().filter(a -> !a.automatic()).toList();
    }

    private static boolean fits(Class<?> p, ArgType t) {
        return switch (t) {
            case BOOL -> p == boolean.class || p == Boolean.class;
            case FLOAT, DOUBLE -> p == double.class || p == float.class || p == Double.class || p == Float.class;
            case BUFFER -> NativeMemory.class.isAssignableFrom(p);
            default -> p == long.class || p == int.class || p == short.class || p == byte.class || p == Long.class
                    || p == Integer.class || p == Short.class || p == Byte.class;
        };
    }

    @Override
    public Object invoke(Object proxy, Method m, Object[] values) throws Throwable {
        Operation op = operations.get(m);
        if (op == null) {
            if (m.isDefault()) {
                return InvocationHandler.invokeDefault(proxy, m, values);
            }
            return switch (m.getName()) {
                case "toString" -> device.toString();
                case "hashCode" -> System.identityHashCode(proxy);
                case "equals" -> proxy == values[0];
                default -> throw new UnsupportedOperationException(m.toString());
            };
        }
        Map<String, Object> named = new HashMap<>();
        List<Argument> args = explicit(op);
        for (int i = 0; values != null && i < values.length; i++) {
            Object v = values[i];
            named.put(args.get(i).name(), v instanceof Float f ? (Object) f.doubleValue() : v);
        }
        return result(device.call(op.name(), named), m.getReturnType(), op);
    }

    private static Object result(Object r, Class<?> type, Operation op) {
        if (type == void.class) {
            return null;
        }
        if (r == null) {
            if (type.isPrimitive()) {
                throw new IllegalStateException(op.name() + " returned nothing, but the method returns " + type);
            }
            return null;
        }
        if (r instanceof Number n) {
            if (type == long.class || type == Long.class) {
                return n.longValue();
            }
            if (type == int.class || type == Integer.class) {
                return n.intValue(); // a uint32_t's bits, as Java's int holds them
            }
            if (type == double.class || type == Double.class) {
                return n.doubleValue();
            }
            if (type == float.class || type == Float.class) {
                return n.floatValue();
            }
            if (type == short.class || type == Short.class) {
                return n.shortValue();
            }
            if (type == byte.class || type == Byte.class) {
                return n.byteValue();
            }
        }
        if (type.isPrimitive() ? type == boolean.class && r instanceof Boolean : type.isInstance(r)) {
            return r;
        }
        throw new IllegalStateException(op.name() + " returned " + r.getClass().getSimpleName() + " " + r
                + ", which is not a " + type.getSimpleName());
    }
}
