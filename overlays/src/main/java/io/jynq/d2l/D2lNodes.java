package io.jynq.d2l;

import io.jynq.error.SourcePosition;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Typed access to SnakeYAML nodes with the file position of each, for {@link D2lParser}.
 * Every access counts against a budget so that aliases (which SnakeYAML shares rather than copies)
 * cannot make a small file cost exponential work.
 */
final class D2lNodes {
    private static final int BUDGET = 100_000;
    private static final java.util.regex.Pattern UPPER = java.util.regex.Pattern.compile("[A-Z][A-Z0-9_]*");
    private static final java.util.regex.Pattern IDENT = java.util.regex.Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final String file;
    private int budget = BUDGET;

    D2lNodes(String file) {
        this.file = file;
    }

    String file() {
        return file;
    }

    SourcePosition at(Node n) {
        return new SourcePosition(file, n.getStartMark().getLine() + 1, n.getStartMark().getColumn() + 1);
    }

    private void spend(Node n) {
        if (--budget < 0) {
            throw D2lException.at(at(n), "the description expands to more than " + BUDGET + " values through aliases");
        }
    }

    MappingNode map(Node n, String what) {
        spend(n);
        if (n instanceof MappingNode m) {
            return m;
        }
        throw D2lException.at(at(n), what + " must be a mapping, found " + kind(n));
    }

    List<Node> list(Node n, String what) {
        spend(n);
        if (n instanceof SequenceNode s) {
            return s.getValue();
        }
        throw D2lException.at(at(n), what + " must be a list, found " + kind(n));
    }

    /**
     * The keys of a mapping in file order, refusing unknown and duplicate keys.
     *
     * @param allowed the keys that may appear
     */
    Map<String, NodeTuple> keys(MappingNode m, String what, Set<String> allowed) {
        Map<String, NodeTuple> out = new LinkedHashMap<>();
        for (NodeTuple t : m.getValue()) {
            spend(t.getKeyNode());
            if (!(t.getKeyNode() instanceof ScalarNode k) || k.getTag().equals(Tag.MERGE)) {
                throw D2lException.at(at(t.getKeyNode()), "unsupported key in " + what + " (keys are plain names; << merges are not"
                        + " supported in device descriptions)");
            }
            String key = k.getValue();
            if (!allowed.contains(key)) {
                throw D2lException.at(at(k), "unknown key \"" + key + "\" in " + what + "; expected one of "
                        + String.join(", ", new TreeSet<>(allowed)));
            }
            if (out.put(key, t) != null) {
                throw D2lException.at(at(k), "duplicate key \"" + key + "\" in " + what);
            }
        }
        return out;
    }

    /** A string: a scalar that YAML did not read as a number, boolean or null. */
    String string(Node n, String what) {
        spend(n);
        if (n instanceof ScalarNode s && s.getTag().equals(Tag.STR)) {
            return s.getValue();
        }
        throw D2lException.at(at(n), what + " must be a string, found " + kind(n));
    }

    /** Text of any non-null scalar (descriptions may be numbers, as YAML reads them). */
    String text(Node n, String what) {
        spend(n);
        if (n instanceof ScalarNode s && !s.getTag().equals(Tag.NULL)) {
            return s.getValue();
        }
        throw D2lException.at(at(n), what + " must be text, found " + kind(n));
    }

    /** A scalar as Java: String, Long, BigInteger, Double, Boolean or null. */
    Object scalar(Node n, String what) {
        spend(n);
        if (!(n instanceof ScalarNode s)) {
            throw D2lException.at(at(n), what + " must be a single value, found " + kind(n));
        }
        String v = s.getValue();
        Tag tag = s.getTag();
        if (tag.equals(Tag.NULL)) {
            return null;
        }
        if (tag.equals(Tag.BOOL)) {
            return Set.of("yes", "true", "on", "y").contains(v.toLowerCase(java.util.Locale.ROOT));
        }
        if (tag.equals(Tag.INT)) {
            BigInteger b = parseInt(v);
            if (b == null) {
                throw D2lException.at(at(n), what + " \"" + v + "\" is not an integer");
            }
            return b.bitLength() < 64 ? (Object) b.longValue() : b;
        }
        if (tag.equals(Tag.FLOAT)) {
            try {
                return Double.valueOf(v.replace("_", ""));
            } catch (NumberFormatException e) {
                String t = v.toLowerCase(java.util.Locale.ROOT);
                return t.contains("nan") ? Double.NaN : t.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
            }
        }
        if (tag.equals(Tag.STR)) {
            return v;
        }
        throw D2lException.at(at(n), what + " has the unsupported YAML tag " + tag.getValue());
    }

    /** YAML 1.1 integers: decimal, 0x, 0b, leading-0 octal, underscores. Null when not one. */
    static BigInteger parseInt(String text) {
        String t = text.replace("_", "");
        boolean neg = t.startsWith("-");
        if (neg || t.startsWith("+")) {
            t = t.substring(1);
        }
        try {
            BigInteger b;
            if (t.startsWith("0x")) {
                b = new BigInteger(t.substring(2), 16);
            } else if (t.startsWith("0b")) {
                b = new BigInteger(t.substring(2), 2);
            } else if (t.length() > 1 && t.startsWith("0")) {
                b = new BigInteger(t.substring(1), 8);
            } else {
                b = new BigInteger(t);
            }
            return neg ? b.negate() : b;
        } catch (NumberFormatException | ArithmeticException e) {
            return null;
        }
    }

    /** The value under a required key. */
    Node required(Map<String, NodeTuple> k, String key, Node owner, String what) {
        NodeTuple t = k.get(key);
        if (t == null) {
            throw D2lException.at(at(owner), what + " has no \"" + key + "\"");
        }
        return t.getValueNode();
    }

    /** An upper-case name ({@code SET_GAIN}), as D2L requires of devices and operations. */
    String upperName(Map<String, NodeTuple> k, Node owner, String what) {
        Node n = required(k, "name", owner, "a " + what);
        String name = string(n, what + " name");
        if (!UPPER.matcher(name).matches()) {
            throw D2lException.at(at(n), what + " name \"" + name + "\" must be upper case letters, digits and _ starting with a"
                    + " letter (e.g. " + name.toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z0-9_]", "_") + ")");
        }
        return name;
    }

    /** A C and Java identifier. */
    String identifier(Node n, String what) {
        String s = string(n, what);
        if (!IDENT.matcher(s).matches()) {
            throw D2lException.at(at(n), what + " \"" + s + "\" must be a name (letters, digits and _, not starting with a digit)");
        }
        return s;
    }

    /** The optional description under {@code k}, or empty. */
    String description(Map<String, NodeTuple> k, String where) {
        return k.containsKey("description") ? text(k.get("description").getValueNode(), where + " description") : "";
    }

    static String kind(Node n) {
        if (n instanceof MappingNode) {
            return "a mapping";
        }
        if (n instanceof SequenceNode) {
            return "a list";
        }
        ScalarNode s = (ScalarNode) n;
        if (s.getTag().equals(Tag.NULL)) {
            return "nothing";
        }
        return s.getTag().equals(Tag.STR) ? "the string \"" + s.getValue() + "\"" : s.getValue();
    }
}
