package io.jynq.overlay.ops;

import io.jynq.d2l.ArgType;
import java.lang.reflect.Array;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

/**
 * Calls a public method of a driver object by name with D2L values (Long, Double, Boolean,
 * NativeMemory), converting each to the parameter's Java type: an integer to {@code long},
 * {@code int}, {@code short} or {@code byte} (and their boxes) when it fits; a floating value to
 * {@code double} or {@code float}; a boolean to {@code boolean}; a buffer to any parameter type
 * it is an instance of; anything to {@code Object}. A varargs method takes the trailing values as
 * its array. Among overloads, the first (by declaration order of {@link Class#getMethods()},
 * sorted by name and signature for stability) whose parameters all accept the values is called.
 */
final class DriverMethods {
    private DriverMethods() {}

    /**
     * The method {@code name} of {@code driver} that accepts values of {@code types}.
     *
     * @throws IllegalArgumentException naming the driver's methods of that name (or its public
     *                                  methods when none is called that) if none fits
     */
    static Method find(Object driver, String name, List<ArgType> types) {
        List<Method> named = candidates(driver, name);
        for (Method m : named) {
            if (accepts(m, types)) {
                return m;
            }
        }
        String cls = driver.getClass().getSimpleName();
        if (named.isEmpty()) {
            TreeSet<String> names = new TreeSet<>();
            for (Method m : driver.getClass().getMethods()) {
                if (m.getDeclaringClass() != Object.class && !Modifier.isStatic(m.getModifiers())) {
                    names.add(m.getName());
                }
            }
            throw new IllegalArgumentException("driver " + cls + " has no public method \"" + name + "\"; methods: " + names);
        }
        throw new IllegalArgumentException("driver " + cls + "." + name + " takes " + named.stream()
                .map(DriverMethods::signature).toList() + ", none of which accepts (" + String.join(", ",
                        types.stream().map(ArgType::yamlName).toList()) + ")");
    }

    /**
     * Calls {@code m} with the converted values.
     *
     * @throws IllegalArgumentException if a value does not fit its parameter (nothing is called)
     * @throws RuntimeException         what the method throws, unwrapped
     */
    static Object invoke(Object driver, Method m, List<Object> values) {
        Class<?>[] p = m.getParameterTypes();
        Object[] args = new Object[p.length];
        int fixed = m.isVarArgs() ? p.length - 1 : p.length;
        for (int i = 0; i < fixed; i++) {
            args[i] = convert(values.get(i), p[i], m, i);
        }
        if (m.isVarArgs()) {
            Class<?> component = p[fixed].getComponentType();
            Object rest = Array.newInstance(component, values.size() - fixed);
            for (int i = fixed; i < values.size(); i++) {
                Array.set(rest, i - fixed, convert(values.get(i), component, m, i));
            }
            args[fixed] = rest;
        }
        try {
            return m.invoke(driver, args);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot call " + signature(m) + ": " + e.getMessage(), e);
        } catch (InvocationTargetException e) {
            Throwable t = e.getCause();
            if (t instanceof RuntimeException r) {
                throw r;
            }
            if (t instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(signature(m) + " failed: " + t, t);
        }
    }

    private static List<Method> candidates(Object driver, String name) {
        List<Method> out = new ArrayList<>();
        for (Method m : driver.getClass().getMethods()) {
            if (m.getName().equals(name) && !Modifier.isStatic(m.getModifiers())) {
                out.add(m);
            }
        }
        out.sort((a, b) -> signature(a).compareTo(signature(b)));
        return out;
    }

    private static boolean accepts(Method m, List<ArgType> types) {
        Class<?>[] p = m.getParameterTypes();
        int fixed = m.isVarArgs() ? p.length - 1 : p.length;
        if (m.isVarArgs() ? types.size() < fixed : types.size() != p.length) {
            return false;
        }
        for (int i = 0; i < types.size(); i++) {
            Class<?> target = i < fixed ? p[i] : p[fixed].getComponentType();
            if (!accepts(target, types.get(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean accepts(Class<?> target, ArgType type) {
        if (target == Object.class) {
            return true;
        }
        return switch (type) {
            case BOOL -> target == boolean.class || target == Boolean.class;
            case FLOAT, DOUBLE -> target == double.class || target == Double.class || target == float.class
                    || target == Float.class;
            case BUFFER -> !target.isPrimitive() && (target.isInterface() || !Number.class.isAssignableFrom(target));
            default -> Arrays.asList(long.class, Long.class, int.class, Integer.class, short.class, Short.class,
                    byte.class, Byte.class).contains(target);
        };
    }

    private static Object convert(Object v, Class<?> target, Method m, int index) {
        if (target == Object.class) {
            return v;
        }
        if (v instanceof Long l) {
            if (target == long.class || target == Long.class) {
                return l;
            }
            if (target == int.class || target == Integer.class) {
                return (int) fit(l, Integer.MIN_VALUE, Integer.MAX_VALUE, m, index);
            }
            if (target == short.class || target == Short.class) {
                return (short) fit(l, Short.MIN_VALUE, Short.MAX_VALUE, m, index);
            }
            return (byte) fit(l, Byte.MIN_VALUE, Byte.MAX_VALUE, m, index);
        }
        if (v instanceof Double d && (target == float.class || target == Float.class)) {
            return d.floatValue();
        }
        if (!target.isPrimitive() && !target.isInstance(v)) {
            throw new IllegalArgumentException("argument " + (index + 1) + " of " + signature(m) + ": "
                    + v.getClass().getSimpleName() + " is not a " + target.getSimpleName());
        }
        return v;
    }

    private static long fit(long v, long min, long max, Method m, int index) {
        if (v < min || v > max) {
            throw new IllegalArgumentException("argument " + (index + 1) + " of " + signature(m) + ": " + v
                    + " is out of range [" + min + ", " + max + "]");
        }
        return v;
    }

    static String signature(Method m) {
        return m.getName() + "(" + String.join(", ", Arrays.stream(m.getParameterTypes())
                .map(c -> c.isArray() ? c.getComponentType().getSimpleName() + "..." : c.getSimpleName()).toList()) + ")";
    }
}
