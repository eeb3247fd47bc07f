package io.jynq.facade;

import io.jynq.d2l.ArgType;
import io.jynq.d2l.Argument;
import io.jynq.d2l.DriverMethod;
import io.jynq.d2l.Implementation;
import io.jynq.d2l.NativeFunction;
import io.jynq.d2l.Operation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The Java methods a device operation gets in a facade's device interface, named and typed as
 * the overlay layer's {@code DeviceOps.facade} maps them back: method {@code fooBar} for operation
 * {@code FOO_BAR} ({@link DriverMethod#lowerCamel}), parameters in argument order without the
 * automatic {@code len_} ones, one overload per number of trailing defaulted arguments left out.
 *
 * <p>Types: {@code int32_t} → {@code int}; {@code uint32_t} and {@code unsigned int} →
 * {@code long} (so 0 to 4294967295 can be passed, and a result comes back unsigned); the 64-bit
 * types → {@code long} (an unsigned result uses all 64 bits, as {@link Long#toUnsignedString(long)}
 * prints it; an unsigned argument takes 0 to {@link Long#MAX_VALUE}); {@code float} →
 * {@code float}; {@code double} → {@code double}; {@code bool} → {@code boolean};
 * {@code buffer} → {@code io.jynq.buffer.ContiguousBuffer}; no {@code return_type} →
 * {@code void}.
 */
final class OperationMethods {
    /** The buffer argument type; the facade's source names it, so this package need not import it. */
    static final String BUFFER_TYPE = "io.jynq.buffer.ContiguousBuffer";

    /** Methods of Object an interface may not redeclare (or should not: a proxy never forwards them). */
    private static final Set<String> OBJECT_METHODS = Set.of("toString", "hashCode", "equals", "getClass", "notify",
            "notifyAll", "wait", "clone", "finalize");

    private OperationMethods() {
    }

    /** The Java type of an argument or result of type {@code t}. */
    static String javaType(ArgType t) {
        return switch (t) {
            case INT32_T -> "int";
            case UINT32_T, UNSIGNED_INT, INT64_T, UINT64_T, UNSIGNED_LONG -> "long";
            case FLOAT -> "float";
            case DOUBLE -> "double";
            case BOOL -> "boolean";
            case BUFFER -> BUFFER_TYPE;
        };
    }

    /** The method name of {@code op}, e.g. {@code setTaps} for {@code SET_TAPS}. */
    static String methodName(Operation op) {
        return DriverMethod.lowerCamel(op.name());
    }

    /**
     * Why {@code op} cannot be a method of the interface, or null when it can: its method name is
     * a keyword or not an identifier, is one of Object's, or another operation took it already
     * ({@code A__B} and {@code A_B} both map to {@code aB}). Adds the name to {@code taken} when it can.
     */
    static String problem(Operation op, Set<String> taken) {
        String name = methodName(op);
        if (!JavaNames.isIdentifier(name)) {
            return "\"" + name + "\" is not a Java method name";
        }
        if (OBJECT_METHODS.contains(name)) {
            return name + " is a method of every Java object";
        }
        return taken.add(name) ? null : "operation of method name " + name + " came first";
    }

    /**
     * The declarations of {@code op}'s methods, each with its Javadoc, one string per line, not indented.
     *
     * @param device the device name, for the Javadoc
     */
    static List<String> declarations(Operation op, String device) {
        List<Argument> args = op.arguments().stream().filter(a -> !a.automatic()).toList();
        List<String> params = parameterNames(args);
        int required = 0;
        for (int i = 0; i < args.size(); i++) {
            if (args.get(i).isRequired()) {
                required = i + 1;
            }
        }
        String ret = op.returnType() == null ? "void" : javaType(op.returnType());
        List<String> out = new ArrayList<>();
        for (int n = required; n <= args.size(); n++) {
            out.add("/**");
            out.add(" * " + JavaNames.comment(sentence(op.description().isEmpty() ? "Operation " + op.name() : op.description())));
            out.add(" * <p>Operation {@code " + JavaNames.comment(op.name()) + "} of device {@code " + JavaNames.comment(device)
                    + "}: " + JavaNames.comment(how(op.implementation())) + " (" + JavaNames.comment(op.at().toString()) + ").");
            if (n < args.size()) {
                List<String> rest = new ArrayList<>();
                for (int i = n; i < args.size(); i++) {
                    rest.add(args.get(i).name() + " = " + args.get(i).defaultValue());
                }
                out.add(" * The other arguments take their defaults: " + JavaNames.comment(String.join(", ", rest)) + ".");
            }
            for (int i = 0; i < n; i++) {
                out.add(" * @param " + params.get(i) + " " + JavaNames.comment(describe(args.get(i))));
            }
            if (op.returnType() != null) {
                String text = op.returnDescription().isEmpty() ? "" : op.returnDescription() + " ";
                out.add(" * @return " + JavaNames.comment(text + "(" + op.returnType().yamlName() + ")"));
            }
            out.add(" */");
            StringBuilder decl = new StringBuilder(ret).append(' ').append(methodName(op)).append('(');
            for (int i = 0; i < n; i++) {
                decl.append(i == 0 ? "" : ", ").append(javaType(args.get(i).type())).append(' ').append(params.get(i));
            }
            out.add(decl.append(");").toString());
        }
        return out;
    }

    /** {@code s} ending in a full stop, so Javadoc's first sentence ends where the description does. */
    static String sentence(String s) {
        String t = s.strip();
        return t.endsWith(".") || t.endsWith("!") || t.endsWith("?") ? t : t + ".";
    }

    /** Argument names as Java parameter names: sanitised, keywords suffixed, repeats numbered. */
    private static List<String> parameterNames(List<Argument> args) {
        Set<String> taken = new HashSet<>();
        List<String> names = new ArrayList<>();
        for (Argument a : args) {
            String base = JavaNames.field(a.name());
            String name = base;
            for (int i = 2; !taken.add(name); i++) {
                name = base + "_" + i;
            }
            names.add(name);
        }
        return names;
    }

    private static String describe(Argument a) {
        StringBuilder b = new StringBuilder(a.type().yamlName());
        if (a.type() == ArgType.UINT32_T || a.type() == ArgType.UNSIGNED_INT) {
            b.append(", 0 to 4294967295");
        }
        if (!a.description().isEmpty()) {
            b.append(": ").append(a.description());
        }
        if (a.defaultValue() != null) {
            b.append(" (default ").append(a.defaultValue()).append(')');
        }
        return b.toString();
    }

    private static String how(Implementation impl) {
        if (impl instanceof DriverMethod m) {
            return "driver method " + m.ip() + "." + m.method();
        }
        if (impl instanceof NativeFunction f) {
            return "C function " + f.function() + " of library " + f.library();
        }
        return "register program on " + impl.ip();
    }
}
