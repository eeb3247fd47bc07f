package io.jynq.facade;

import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Writes methods that forward to the facade's {@code overlay} field: every public instance method
 * the overlay class declares ({@code ip(name)}, {@code ip(name, type)}, {@code ipDict()},
 * {@code download()}, {@code isLoaded()}...), with its generic signature, so {@code ol.ip("axi_dma_0",
 * AxiDma.class)} works on a facade as on the overlay (and completion inside {@code ol.ip("} finds
 * the names through {@code ipDict()}).
 */
final class DelegateWriter {
    /** The facade's own members, never forwarded. */
    private static final Set<String> OWN = Set.of("overlay", "toString", "equals", "hashCode");

    private DelegateWriter() {
    }

    /** The forwarding methods, one per line group, indented one level. */
    static List<String> methods(Class<?> overlayType) {
        List<Method> ms = new ArrayList<>();
        Set<String> seen = new java.util.HashSet<>();
        // the class and its superclasses (an overlay subclass keeps its own methods and Overlay's),
        // the most derived declaration of each signature
        for (Class<?> k = overlayType; k != null && k != Object.class; k = k.getSuperclass()) {
            for (Method m : k.getDeclaredMethods()) {
                int mod = m.getModifiers();
                if (reachable(k, mod) && !Modifier.isStatic(mod) && !m.isBridge() && !m.isSynthetic()
                        && !OWN.contains(m.getName()) && seen.add(m.getName() + java.util.Arrays.toString(m.getParameterTypes()))) {
                    ms.add(m);
                }
            }
        }
        ms.sort(Comparator.comparing(Method::getName).thenComparing(Method::getParameterCount));
        List<String> out = new ArrayList<>();
        for (Method m : ms) {
            out.add(write(m));
        }
        return out;
    }

    /**
     * The members of an overlay subclass the facade carries: its non-static fields that session
     * code can read, most derived first, as {@code public final TYPE NAME;} declarations paired with
     * their name (the facade copies each from the overlay when it is built).
     */
    static java.util.Map<String, String> fields(Class<?> overlayType) {
        java.util.Map<String, String> out = new java.util.LinkedHashMap<>();
        for (Class<?> k = overlayType; k != null && k != Object.class; k = k.getSuperclass()) {
            for (java.lang.reflect.Field f : k.getDeclaredFields()) {
                int mod = f.getModifiers();
                if (reachable(k, mod) && !Modifier.isStatic(mod) && !f.isSynthetic() && !OWN.contains(f.getName())) {
                    out.putIfAbsent(f.getName(), source(f.getGenericType()));
                }
            }
        }
        return out;
    }

    /**
     * Whether code in the session sees a member: a public one, or a non-private one of a class a
     * cell declared (cells share JShell's package, where package access is the default).
     */
    private static boolean reachable(Class<?> owner, int mod) {
        return Modifier.isPublic(mod) || (!Modifier.isPrivate(mod) && !Modifier.isProtected(mod)
                && owner.getName().startsWith("REPL."));
    }

    private static String write(Method m) {
        StringBuilder b = new StringBuilder("public ");
        TypeVariable<Method>[] tps = m.getTypeParameters();
        if (tps.length > 0) {
            List<String> vars = new ArrayList<>();
            for (TypeVariable<Method> tv : tps) {
                List<String> bounds = new ArrayList<>();
                for (Type t : tv.getBounds()) {
                    if (t != Object.class) {
                        bounds.add(source(t));
                    }
                }
                vars.add(tv.getName() + (bounds.isEmpty() ? "" : " extends " + String.join(" & ", bounds)));
            }
            b.append('<').append(String.join(", ", vars)).append("> ");
        }
        b.append(source(m.getGenericReturnType())).append(' ').append(m.getName()).append('(');
        Parameter[] ps = m.getParameters();
        Type[] types = m.getGenericParameterTypes();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < ps.length; i++) {
            String name = ps[i].isNamePresent() ? ps[i].getName() : guess(ps[i].getType(), names);
            names.add(name);
            String t = source(types[i]);
            if (m.isVarArgs() && i == ps.length - 1 && t.endsWith("[]")) {
                t = t.substring(0, t.length() - 2) + "...";
            }
            b.append(i == 0 ? "" : ", ").append(t).append(' ').append(name);
        }
        b.append(')');
        Type[] ex = m.getGenericExceptionTypes();
        if (ex.length > 0) {
            b.append(" throws ").append(java.util.Arrays.stream(ex).map(DelegateWriter::source).collect(Collectors.joining(", ")));
        }
        b.append(" { ").append(m.getReturnType() == void.class ? "" : "return ").append("overlay.").append(m.getName())
                .append('(').append(String.join(", ", names)).append("); }");
        return b.toString();
    }

    /**
     * A readable parameter name when the class was compiled without {@code -parameters}:
     * {@code name} for a String, {@code type} for a Class, else the type's simple name in lower
     * camel case ({@code duration}); {@code 2}, {@code 3}... appended on a repeat.
     */
    private static String guess(Class<?> type, List<String> taken) {
        String base = type == String.class ? "name" : type == Class.class ? "type"
                : type.isPrimitive() ? "value" : Character.toLowerCase(type.getSimpleName().charAt(0))
                        + type.getSimpleName().substring(1).replace("[]", "s");
        if (!JavaNames.isIdentifier(base)) {
            base = "arg";
        }
        String name = base;
        for (int i = 2; taken.contains(name); i++) {
            name = base + i;
        }
        return name;
    }

    /** A type as Java source spells it (canonical names, not binary {@code Outer$Inner} ones). */
    static String source(Type t) {
        if (t instanceof Class) {
            Class<?> c = (Class<?>) t;
            return c.isArray() ? source(c.getComponentType()) + "[]" : JavaNames.typeName(c);
        }
        if (t instanceof ParameterizedType) {
            ParameterizedType p = (ParameterizedType) t;
            return source(p.getRawType()) + "<" + java.util.Arrays.stream(p.getActualTypeArguments())
                    .map(DelegateWriter::source).collect(Collectors.joining(", ")) + ">";
        }
        if (t instanceof GenericArrayType) {
            return source(((GenericArrayType) t).getGenericComponentType()) + "[]";
        }
        if (t instanceof WildcardType) {
            WildcardType w = (WildcardType) t;
            if (w.getLowerBounds().length > 0) {
                return "? super " + source(w.getLowerBounds()[0]);
            }
            Type[] up = w.getUpperBounds();
            return up.length == 0 || up[0] == Object.class ? "?" : "? extends " + source(up[0]);
        }
        return t.getTypeName();
    }
}
