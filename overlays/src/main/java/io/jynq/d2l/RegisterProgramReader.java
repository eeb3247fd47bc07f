package io.jynq.d2l;

import io.jynq.error.SourcePosition;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads a {@code registers:} implementation. Every value must be a literal, an argument or an
 * earlier read, and {@code result} an earlier read; register and field names are checked when the
 * device is opened, against the IP's register map.
 */
final class RegisterProgramReader {
    /** Default wait of a poll when neither the step nor the program gives one. */
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(1);
    private static final Pattern TARGET = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)(?:\\.([A-Za-z_][A-Za-z0-9_]*))?");
    private static final Pattern DURATION = Pattern.compile("(\\d{1,9})\\s*(ns|us|ms|s)");

    private final D2lNodes y;

    RegisterProgramReader(D2lNodes y) {
        this.y = y;
    }

    RegisterProgram program(Node v, String deviceIp, List<Argument> args, String where) {
        String ip = deviceIp;
        Duration timeout = DEFAULT_TIMEOUT;
        String result = "";
        Node stepsNode = v;
        Node resultNode = null;
        if (!(v instanceof SequenceNode)) {
            Map<String, NodeTuple> k = y.keys(y.map(v, where + " registers"), where + " registers",
                    Set.of("ip", "timeout", "steps", "result"));
            ip = k.containsKey("ip") ? y.identifier(k.get("ip").getValueNode(), where + " registers ip") : ip;
            timeout = k.containsKey("timeout") ? duration(k.get("timeout").getValueNode(), where) : timeout;
            stepsNode = y.required(k, "steps", v, where + " registers");
            if (k.containsKey("result")) {
                resultNode = k.get("result").getValueNode();
                result = y.identifier(resultNode, where + " result");
            }
        }
        if (ip.isEmpty()) {
            throw D2lException.at(y.at(v), where + " has a register program but names no IP; set ip on the device or registers: {ip: ...}");
        }
        Set<String> names = new HashSet<>();
        args.forEach(a -> names.add(a.name()));
        Set<String> reads = new HashSet<>();
        List<RegisterStep> steps = new ArrayList<>();
        List<Node> stepNodes = y.list(stepsNode, where + " steps");
        if (stepNodes.isEmpty()) {
            throw D2lException.at(y.at(stepsNode), where + " has an empty register program");
        }
        for (Node s : stepNodes) {
            RegisterStep step = step(s, where, timeout, names, args);
            if (step instanceof RegisterStep.Read r) {
                if (names.contains(r.as()) && !reads.contains(r.as())) {
                    throw D2lException.at(r.at(), "read of " + r.target() + " is kept as \"" + r.as() + "\", which is already an"
                            + " argument of " + where);
                }
                names.add(r.as());
                reads.add(r.as());
            }
            steps.add(step);
        }
        if (resultNode != null && !reads.contains(result)) {
            throw D2lException.at(y.at(resultNode), where + " result \"" + result + "\" is not a read of the program (reads: "
                    + (reads.isEmpty() ? "none" : String.join(", ", new java.util.TreeSet<>(reads))) + ")");
        }
        return new RegisterProgram(ip, timeout, steps, result);
    }

    private RegisterStep step(Node s, String where, Duration timeout, Set<String> names, List<Argument> args) {
        Map<String, NodeTuple> k = y.keys(y.map(s, "a step of " + where), "a step of " + where,
                Set.of("write", "read", "poll", "value", "as", "until", "timeout"));
        List<String> kinds = List.of("write", "read", "poll").stream().filter(k::containsKey).toList();
        if (kinds.size() != 1) {
            throw D2lException.at(y.at(s), "a step of " + where + " must have exactly one of write, read, poll; found "
                    + (kinds.isEmpty() ? "none" : String.join(" and ", kinds)));
        }
        String kind = kinds.get(0);
        Node targetNode = k.get(kind).getValueNode();
        String target = y.string(targetNode, kind + " target");
        Matcher m = TARGET.matcher(target);
        if (!m.matches()) {
            throw D2lException.at(y.at(targetNode), kind + " target \"" + target + "\" must be REGISTER or REGISTER.FIELD");
        }
        String register = m.group(1);
        String field = m.group(2) == null ? "" : m.group(2);
        SourcePosition at = y.at(s);
        Set<String> allowed = switch (kind) {
            case "write" -> Set.of("write", "value");
            case "read" -> Set.of("read", "as");
            default -> Set.of("poll", "until", "timeout");
        };
        for (String key : k.keySet()) {
            if (!allowed.contains(key)) {
                throw D2lException.at(y.at(k.get(key).getKeyNode()), "a " + kind + " step takes " + String.join(", ",
                        new java.util.TreeSet<>(allowed)) + ", not \"" + key + "\"");
            }
        }
        return switch (kind) {
            case "write" -> new RegisterStep.Write(register, field,
                    value(y.required(k, "value", s, "write of " + target), names, args, where), at);
            case "read" -> new RegisterStep.Read(register, field,
                    k.containsKey("as") ? y.identifier(k.get("as").getValueNode(), "read as") : target.replace('.', '_'), at);
            default -> new RegisterStep.Poll(register, field,
                    value(y.required(k, "until", s, "poll of " + target), names, args, where),
                    k.containsKey("timeout") ? duration(k.get("timeout").getValueNode(), where) : timeout, at);
        };
    }

    private ValueRef value(Node n, Set<String> names, List<Argument> args, String where) {
        Object v = y.scalar(n, "a register value");
        if (v instanceof Long l && l < 0 || v instanceof BigInteger b && b.signum() < 0) {
            throw D2lException.at(y.at(n), "register value " + v + " is negative; write the bits as an unsigned number (e.g. 0x"
                    + Long.toHexString(((Number) v).longValue() & 0xFFFF_FFFFL).toUpperCase(java.util.Locale.ROOT) + ")");
        }
        if (v instanceof Long l) {
            return ValueRef.of(l);
        }
        if (v instanceof BigInteger b && b.signum() >= 0 && b.bitLength() <= 64) {
            return ValueRef.of(b.longValue());
        }
        if (v instanceof Boolean b) {
            return ValueRef.of(b ? 1 : 0);
        }
        if (v instanceof String s && names.contains(s)) {
            return ValueRef.named(s);
        }
        if (v instanceof String s) {
            throw D2lException.at(y.at(n), "value \"" + s + "\" is neither an argument of " + where + " ("
                    + (args.isEmpty() ? "it has none" : String.join(", ", args.stream().map(Argument::name).toList()))
                    + ") nor an earlier read");
        }
        throw D2lException.at(y.at(n), "a register value must be an integer, an argument or an earlier read, found " + v);
    }

    private Duration duration(Node n, String where) {
        String t = y.string(n, where + " timeout");
        Matcher m = DURATION.matcher(t.trim());
        if (!m.matches()) {
            throw D2lException.at(y.at(n), where + " timeout \"" + t + "\" must be a whole number with a unit: ns, us, ms or s (e.g. 100ms)");
        }
        long v = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "ns" -> Duration.ofNanos(v);
            case "us" -> Duration.ofNanos(v * 1000);
            case "ms" -> Duration.ofMillis(v);
            default -> Duration.ofSeconds(v);
        };
    }
}
