package io.jynq.d2l;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

/** Reads one operation: its arguments, flags and its one implementation, for {@link D2lParser}. */
final class OperationReader {
    private static final Set<String> OPERATION_KEYS = Set.of("name", "description", "return", "return_type", "flags",
            "arguments", "driver", "registers", "c");
    private static final Set<String> ARGUMENT_KEYS = Set.of("name", "type", "cast", "default", "description");
    private static final List<String> IMPLEMENTATIONS = List.of("driver", "registers", "c");

    private final D2lNodes y;
    private final String deviceIp;
    private final String deviceLibrary;

    OperationReader(D2lNodes y, String deviceIp, String deviceLibrary) {
        this.y = y;
        this.deviceIp = deviceIp;
        this.deviceLibrary = deviceLibrary;
    }

    Operation operation(Node node, String device) {
        Map<String, NodeTuple> k = y.keys(y.map(node, "an operation of device " + device), "an operation", OPERATION_KEYS);
        String name = y.upperName(k, node, "operation");
        String where = "operation " + device + "." + name;
        String returnText = k.containsKey("return") ? y.text(k.get("return").getValueNode(), where + " return") : "";
        ArgType returnType = k.containsKey("return_type") ? type(k.get("return_type").getValueNode(), where + " return_type")
                : null;
        if (returnType == ArgType.BUFFER) {
            throw D2lException.at(y.at(k.get("return_type").getValueNode()), where + " cannot return a buffer; pass one as an argument");
        }
        Map<String, Argument> args = new LinkedHashMap<>();
        if (k.containsKey("arguments")) {
            for (Node n : y.list(k.get("arguments").getValueNode(), where + " arguments")) {
                Argument a = argument(n, where);
                if (args.put(a.name(), a) != null) {
                    throw D2lException.at(a.at(), "duplicate argument name \"" + a.name() + "\" in " + where);
                }
            }
        }
        boolean atInit = false;
        List<String> buffers = new ArrayList<>();
        if (k.containsKey("flags")) {
            for (Node f : y.list(k.get("flags").getValueNode(), where + " flags")) {
                String flag = flag(f, where, args, buffers);
                atInit |= flag.equals("AT_INIT");
            }
        }
        for (String b : buffers) {
            Argument len = new Argument("len_" + b, ArgType.UINT32_T, "", null,
                    "size of " + b + " in bytes (added by SEND_BUFFER)", true, y.at(node));
            Argument clash = args.put(len.name(), len);
            if (clash != null) {
                throw D2lException.at(clash.at(), "argument \"" + len.name() + "\" of " + where
                        + " is added by SEND_BUFFER automatically; remove it");
            }
        }
        List<Argument> arguments = List.copyOf(args.values());
        Implementation impl = implementation(k, node, name, where, arguments);
        if (impl instanceof RegisterProgram p && !p.result().isEmpty() && returnType == null) {
            returnType = ArgType.UINT32_T;
        }
        return new Operation(name, y.description(k, where), returnText, returnType, atInit, buffers, arguments, impl,
                y.at(node));
    }

    private Argument argument(Node n, String where) {
        MappingNode m = y.map(n, "an argument of " + where);
        Map<String, NodeTuple> k = y.keys(m, "an argument of " + where, ARGUMENT_KEYS);
        String name = y.identifier(y.required(k, "name", n, "an argument of " + where), "argument name");
        String aw = "argument \"" + name + "\" of " + where;
        ArgType type = type(y.required(k, "type", n, aw), aw + " type");
        Object def = null;
        if (k.containsKey("default")) {
            Node d = k.get("default").getValueNode();
            if (type == ArgType.BUFFER) {
                throw D2lException.at(y.at(d), aw + " is a buffer and cannot have a default");
            }
            Object raw = y.scalar(d, aw + " default");
            try {
                def = type.coerce(raw);
            } catch (IllegalArgumentException e) {
                throw D2lException.at(y.at(d), aw + ": default " + e.getMessage());
            }
        }
        String cast = k.containsKey("cast") ? y.string(k.get("cast").getValueNode(), aw + " cast") : "";
        return new Argument(name, type, cast, def, y.description(k, aw), false, y.at(n));
    }

    private ArgType type(Node n, String what) {
        String t = y.string(n, what);
        ArgType type = ArgType.fromYaml(t);
        if (type == null) {
            throw D2lException.at(y.at(n), what + " \"" + t + "\" is not a D2L type; expected one of "
                    + String.join(", ", ArgType.yamlNames()));
        }
        return type;
    }

    /** Reads one flag; SEND_BUFFER adds its buffer names to {@code buffers}. Returns the flag name. */
    private String flag(Node f, String where, Map<String, Argument> args, List<String> buffers) {
        String flag;
        Node bufferNames = null;
        if (f instanceof ScalarNode) {
            flag = y.string(f, "a flag of " + where);
        } else {
            Map<String, NodeTuple> k = y.keys(y.map(f, "a flag of " + where), "a flag of " + where,
                    Set.of("name", "buffer_name"));
            flag = y.string(y.required(k, "name", f, "a flag of " + where), "flag name");
            bufferNames = k.containsKey("buffer_name") ? k.get("buffer_name").getValueNode() : null;
        }
        switch (flag) {
            case "AT_INIT" -> {
                if (bufferNames != null) {
                    throw D2lException.at(y.at(bufferNames), "AT_INIT takes no buffer_name (only SEND_BUFFER does)");
                }
            }
            case "SEND_BUFFER" -> {
                if (bufferNames == null) {
                    throw D2lException.at(y.at(f), "SEND_BUFFER of " + where + " needs buffer_name: [the buffer arguments it sends]");
                }
                List<Node> names = bufferNames instanceof ScalarNode ? List.of(bufferNames) : y.list(bufferNames, "buffer_name");
                for (Node b : names) {
                    String buffer = y.string(b, "a buffer_name of " + where);
                    Argument a = args.get(buffer);
                    if (a == null || a.type() != ArgType.BUFFER) {
                        List<String> known = args.values().stream().filter(x -> x.type() == ArgType.BUFFER)
                                .map(Argument::name).toList();
                        throw D2lException.at(y.at(b), "SEND_BUFFER names buffer \"" + buffer + "\" but " + where + " has no buffer"
                                + " argument of that name (buffer arguments: " + (known.isEmpty() ? "none" : String.join(", ", known))
                                + ")");
                    }
                    if (buffers.contains(buffer)) {
                        throw D2lException.at(y.at(b), "SEND_BUFFER names buffer \"" + buffer + "\" twice");
                    }
                    buffers.add(buffer);
                }
            }
            default -> throw D2lException.at(y.at(f), "unknown flag \"" + flag + "\" on " + where + "; expected AT_INIT or SEND_BUFFER");
        }
        return flag;
    }

    private Implementation implementation(Map<String, NodeTuple> k, Node node, String name, String where,
            List<Argument> args) {
        List<String> present = IMPLEMENTATIONS.stream().filter(k::containsKey).toList();
        if (present.isEmpty()) {
            throw D2lException.at(y.at(node), where + " has no implementation; add one of driver (a method of the IP's Java driver),"
                    + " registers (a register program) or c (a function of the package's native library)");
        }
        if (present.size() > 1) {
            throw D2lException.at(y.at(k.get(present.get(1)).getKeyNode()), where + " has both " + present.get(0) + " and "
                    + present.get(1) + "; an operation has exactly one implementation");
        }
        Node v = k.get(present.get(0)).getValueNode();
        return switch (present.get(0)) {
            case "driver" -> driver(v, name, where);
            case "c" -> nativeFunction(v, where);
            default -> new RegisterProgramReader(y).program(v, deviceIp, args, where);
        };
    }

    private DriverMethod driver(Node v, String name, String where) {
        String ip = deviceIp;
        String method = DriverMethod.lowerCamel(name);
        if (v instanceof ScalarNode s && s.getTag().equals(Tag.BOOL)) {
            if (!Boolean.TRUE.equals(y.scalar(v, where + " driver"))) {
                throw D2lException.at(y.at(v), where + " driver: false; give the method name, true, or {ip, method}");
            }
        } else if (v instanceof ScalarNode) {
            method = y.identifier(v, where + " driver method");
        } else {
            Map<String, NodeTuple> k = y.keys(y.map(v, where + " driver"), where + " driver", Set.of("ip", "method"));
            ip = k.containsKey("ip") ? y.identifier(k.get("ip").getValueNode(), where + " driver ip") : ip;
            method = k.containsKey("method") ? y.identifier(k.get("method").getValueNode(), where + " driver method") : method;
        }
        if (ip.isEmpty()) {
            throw D2lException.at(y.at(v), where + " calls a driver method but names no IP; set ip on the device or driver: {ip: ...}");
        }
        return new DriverMethod(ip, method);
    }

    private NativeFunction nativeFunction(Node v, String where) {
        String library = deviceLibrary;
        String function;
        boolean inProcess = false;
        if (v instanceof ScalarNode) {
            function = y.identifier(v, where + " c function");
        } else {
            Map<String, NodeTuple> k = y.keys(y.map(v, where + " c"), where + " c", Set.of("function", "library",
                    "in_process"));
            if (k.containsKey("in_process")) {
                Node n = k.get("in_process").getValueNode();
                String flag = y.string(n, where + " c in_process");
                if (!flag.equals("true") && !flag.equals("false")) {
                    throw D2lException.at(y.at(n), where + " c in_process must be true or false, not \"" + flag + "\"");
                }
                inProcess = flag.equals("true");
            }
            function = y.identifier(y.required(k, "function", v, where + " c"), where + " c function");
            library = k.containsKey("library") ? y.identifier(k.get("library").getValueNode(), where + " c library") : library;
        }
        if (library.isEmpty()) {
            throw D2lException.at(y.at(v), where + " calls C function " + function + " but names no library; set library on the"
                    + " device or c: {function, library}");
        }
        return new NativeFunction(library, function, inProcess);
    }
}
