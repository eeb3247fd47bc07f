package io.jynq.capi;

import io.jynq.error.SourcePosition;
import io.jynq.capi.YamlValue.Entry;
import io.jynq.capi.YamlValue.YamlMap;
import io.jynq.capi.YamlValue.YamlScalar;
import io.jynq.capi.YamlValue.YamlSeq;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads the text of a core file into a {@link YamlValue} tree: checks the {@code CAPI=2:} header,
 * composes the YAML with SnakeYAML (YAML 1.1, as FuseSoC's PyYAML SafeLoader) and converts nodes
 * with their marks.
 *
 * <p>Why SnakeYAML's node tree and not its objects: composing keeps {@code <<} as a key instead of
 * applying YAML's shallow merge, which lets {@link Inheritance} reproduce FuseSoC's deep merge,
 * and keeps the line and column of every value. Aliases are expanded here, bounded by
 * {@link #MAX_VALUES} values and {@link #MAX_CHARS} characters so an alias bomb is refused rather
 * than exhausting memory.
 */
final class CoreYamlReader {
    /** The key FuseSoC rewrites {@code <<} to before parsing; a merge key is stored under it. */
    static final String MERGE_KEY = "<<__FUSESOC_MERGE_OVERLOAD__<<";
    /** Upper bound on values after alias expansion (a real 800-line core has about 2,000). */
    static final int MAX_VALUES = 200_000;

    private static final Pattern INT_OCT = Pattern.compile("[-+]?0[0-7_]+");

    /**
     * Upper bound on the characters of all scalars after alias expansion: 16 Mi. Values alone do
     * not bound size (issue 14: 5,000 aliases of one 1 MB string printed 5 GB and ended in
     * OutOfMemoryError with {@code --json}); a real core expands to tens of kilobytes.
     */
    static final long MAX_CHARS = 16L << 20;

    private final String file;
    private int budget = MAX_VALUES;
    private long chars = MAX_CHARS;

    private CoreYamlReader(String file) {
        this.file = file;
    }

    /**
     * Parses core-file text.
     *
     * @param text the whole file
     * @param file the name used in error messages
     * @return the root value (a mapping for any valid core)
     * @throws CapiException for a missing or wrong header, a YAML syntax error, an unsupported
     *                       tag, a duplicate key, a recursive alias or an oversized expansion
     */
    static YamlValue read(String text, String file) {
        String body = checkHeader(text, file);
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(500);
        options.setAllowRecursiveKeys(false);
        options.setAllowDuplicateKeys(true); // checked below, with the line of the second key
        Node root;
        try {
            root = new Yaml(options).compose(new java.io.StringReader(body));
        } catch (MarkedYAMLException e) {
            Mark m = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String what = (e.getContext() == null ? "" : e.getContext() + ": ") + e.getProblem();
            throw new CapiException(location(file, m), "YAML syntax error: " + what.replace('\n', ' ')
                    + bangHint(body, m), e);
        } catch (YAMLException e) {
            throw new CapiException(new SourcePosition(file, 1, 1), "YAML error: " + e.getMessage(), e);
        }
        if (root == null) {
            return new YamlMap(List.of(), new SourcePosition(file, 2, 1));
        }
        return new CoreYamlReader(file).convert(root, new IdentityHashMap<>());
    }

    /** Returns the YAML after line 1, with line 1 left empty so that marks keep the file's line numbers. */
    private static String checkHeader(String text, String file) {
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        int nl = text.indexOf('\n');
        String first = nl < 0 ? text : text.substring(0, nl);
        String[] tokens = first.trim().split("\\s+");
        String token = tokens[0];
        SourcePosition at = new SourcePosition(file, 1, 1);
        if (!token.equals("CAPI=2:")) {
            if (token.equals("CAPI=2")) {
                throw new CapiException(at, "line 1 is \"CAPI=2\"; add the colon: \"CAPI=2:\"");
            }
            if (token.startsWith("CAPI=")) {
                throw new CapiException(at, "line 1 is \"" + token + "\"; only CAPI=2: cores are supported");
            }
            String shown = token.isEmpty() ? "empty" : "\"" + abbreviate(first) + "\"";
            throw new CapiException(at, "line 1 is " + shown + " but a core file must start with \"CAPI=2:\" on line 1");
        }
        return nl < 0 ? "" : "\n" + text.substring(nl + 1);
    }

    private static final Pattern UNQUOTED_BANG = Pattern.compile("(^|[\\s\\[,{])!\\s*[A-Za-z0-9_]");

    /** PyYAML and SnakeYAML read an unquoted {@code !flag ? (x)} as a tag; say so when the failing line has one. */
    private static String bangHint(String body, Mark m) {
        if (m == null) {
            return "";
        }
        String[] lines = body.split("\n", -1);
        String line = m.getLine() < lines.length ? lines[m.getLine()] : "";
        return UNQUOTED_BANG.matcher(line).find()
                ? " (a string starting with '!' must be quoted, e.g. \"!tool_icarus? (file.v)\")" : "";
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }

    static SourcePosition location(String file, Mark m) {
        return m == null ? new SourcePosition(file, 1, 1) : new SourcePosition(file, m.getLine() + 1, m.getColumn() + 1);
    }

    private YamlValue convert(Node node, Map<Node, Boolean> path) {
        if (--budget < 0) {
            throw new CapiException(at(node), "the file expands to more than " + MAX_VALUES
                    + " values through aliases; refusing to expand further");
        }
        if (node instanceof ScalarNode s) {
            chars -= s.getValue().length();
            if (chars < 0) {
                throw new CapiException(at(node), "the file expands to more than " + MAX_CHARS
                        + " characters through aliases; refusing to expand further");
            }
            return new YamlScalar(scalar(s), at(node));
        }
        if (path.put(node, Boolean.TRUE) != null) {
            throw new CapiException(at(node), "an alias refers to a collection that contains it (recursive alias)");
        }
        try {
            if (node instanceof SequenceNode seq) {
                checkCollectionTag(node, Tag.SEQ);
                List<YamlValue> items = new ArrayList<>();
                for (Node n : seq.getValue()) {
                    items.add(convert(n, path));
                }
                return new YamlSeq(items, at(node));
            }
            MappingNode map = (MappingNode) node;
            checkCollectionTag(node, Tag.MAP);
            List<Entry> entries = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (NodeTuple t : map.getValue()) {
                String key = key(t.getKeyNode());
                if (!seen.add(key)) {
                    throw new CapiException(at(t.getKeyNode()), "duplicate key \"" + displayKey(key) + "\"");
                }
                entries.add(new Entry(key, at(t.getKeyNode()), convert(t.getValueNode(), path)));
            }
            return new YamlMap(entries, at(node));
        } finally {
            path.remove(node);
        }
    }

    static String displayKey(String key) {
        return key.equals(MERGE_KEY) ? "<<" : key;
    }

    private void checkCollectionTag(Node node, Tag expected) {
        if (!node.getTag().equals(expected)) {
            throw new CapiException(at(node), "unsupported YAML tag " + node.getTag().getValue());
        }
    }

    private String key(Node keyNode) {
        if (!(keyNode instanceof ScalarNode s)) {
            throw new CapiException(at(keyNode), "a key must be a plain value, not a list or mapping");
        }
        if (s.getTag().equals(Tag.MERGE)) {
            return MERGE_KEY;
        }
        if (!isStandard(s.getTag())) {
            throw new CapiException(at(keyNode), "unsupported YAML tag " + s.getTag().getValue()
                    + " (a string starting with '!' must be quoted)");
        }
        return s.getValue();
    }

    private static boolean isStandard(Tag tag) {
        return tag.equals(Tag.STR) || tag.equals(Tag.INT) || tag.equals(Tag.FLOAT) || tag.equals(Tag.BOOL)
                || tag.equals(Tag.NULL) || tag.equals(Tag.TIMESTAMP);
    }

    private Object scalar(ScalarNode s) {
        Tag tag = s.getTag();
        String v = s.getValue();
        if (tag.equals(Tag.STR) || tag.equals(Tag.TIMESTAMP)) {
            return v; // PyYAML would give a date; FuseSoC has no date-valued key, so keep the text
        }
        if (tag.equals(Tag.NULL)) {
            return null;
        }
        if (tag.equals(Tag.BOOL)) {
            return switch (v.toLowerCase(java.util.Locale.ROOT)) {
                case "yes", "true", "on", "y" -> Boolean.TRUE;
                default -> Boolean.FALSE;
            };
        }
        if (tag.equals(Tag.INT)) {
            Object n = parseInt(v);
            return n == null ? v : n;
        }
        if (tag.equals(Tag.FLOAT)) {
            return parseFloat(v);
        }
        if (tag.equals(Tag.MERGE)) {
            return v;
        }
        throw new CapiException(at(s), "unsupported YAML tag " + tag.getValue()
                + " (a string starting with '!' must be quoted, e.g. \"!tool_icarus? (file.v)\")");
    }

    /** YAML 1.1 integers: decimal, 0x hex, 0b binary, leading-0 octal, underscores, base-60 (1:20). */
    static Object parseInt(String text) {
        String t = text.replace("_", "");
        try {
            int sign = 1;
            String body = t;
            if (body.startsWith("-") || body.startsWith("+")) {
                sign = body.startsWith("-") ? -1 : 1;
                body = body.substring(1);
            }
            BigInteger n;
            if (body.startsWith("0x")) {
                n = new BigInteger(body.substring(2), 16);
            } else if (body.startsWith("0b")) {
                n = new BigInteger(body.substring(2), 2);
            } else if (body.contains(":")) {
                n = BigInteger.ZERO;
                for (String part : body.split(":")) {
                    n = n.multiply(BigInteger.valueOf(60)).add(new BigInteger(part));
                }
            } else if (INT_OCT.matcher(t).matches()) {
                n = new BigInteger(body, 8);
            } else {
                n = new BigInteger(body);
            }
            n = sign < 0 ? n.negate() : n;
            return n.bitLength() < 64 ? (Object) n.longValue() : n;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Object parseFloat(String text) {
        String t = text.replace("_", "").toLowerCase(java.util.Locale.ROOT);
        switch (t) {
            case ".inf", "+.inf" -> { return Double.POSITIVE_INFINITY; }
            case "-.inf" -> { return Double.NEGATIVE_INFINITY; }
            case ".nan" -> { return Double.NaN; }
            default -> { }
        }
        try {
            if (t.contains(":")) {
                double sign = t.startsWith("-") ? -1 : 1;
                double n = 0;
                for (String part : t.replaceFirst("^[-+]", "").split(":")) {
                    n = n * 60 + Double.parseDouble(part);
                }
                return sign * n;
            }
            return Double.parseDouble(t);
        } catch (NumberFormatException e) {
            return text;
        }
    }

    private SourcePosition at(Node n) {
        return location(file, n.getStartMark());
    }
}
