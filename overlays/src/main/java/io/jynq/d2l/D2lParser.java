package io.jynq.d2l;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads and validates {@code .d2l.yaml} device descriptions (the schema is in the package
 * documentation). Everything is checked before anything is returned: names, types, defaults,
 * flags, and that each operation has exactly one implementation whose references (arguments,
 * earlier reads) exist. Names of registers, IPs, driver methods and C functions are checked
 * later, when a device is opened against an overlay ({@link BoundDevice#open}).
 */
public final class D2lParser {
    private static final Set<String> DEVICE_KEYS = Set.of("name", "description", "ip", "library", "includes", "objects",
            "operations");

    private final D2lNodes y;

    private D2lParser(String file) {
        this.y = new D2lNodes(file);
    }

    /**
     * Reads a description file (UTF-8).
     *
     * @throws D2lException         at the first problem, with file, line and column
     * @throws UncheckedIOException when the file cannot be read
     */
    public static D2lFile parse(Path path) {
        try {
            return parse(Files.readString(path), path.toString());
        } catch (java.nio.charset.MalformedInputException e) {
            throw new D2lException(path.toString(), 1, 1, "not UTF-8 text", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path + ": " + e.getMessage(), e);
        }
    }

    /**
     * Parses description text.
     *
     * @param text the YAML
     * @param file the name errors cite
     * @throws D2lException at the first problem, with file, line and column
     */
    public static D2lFile parse(String text, String file) {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(50);
        options.setAllowRecursiveKeys(false);
        Node root;
        try {
            root = new Yaml(options).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            Mark m = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String what = (e.getContext() == null ? "" : e.getContext() + ": ") + e.getProblem();
            throw new D2lException(file, m == null ? 1 : m.getLine() + 1, m == null ? 1 : m.getColumn() + 1,
                    "YAML syntax error: " + what.replace('\n', ' '), e);
        } catch (YAMLException e) {
            throw new D2lException(file, 1, 1, "YAML error: " + e.getMessage(), e);
        }
        if (root == null) {
            throw new D2lException(file, 1, 1, "empty description; expected a device (name, operations) or a list of devices");
        }
        return new D2lParser(file).file(root);
    }

    private D2lFile file(Node root) {
        List<Node> deviceNodes = root instanceof SequenceNode s ? s.getValue() : List.of(root);
        if (deviceNodes.isEmpty()) {
            throw D2lException.at(y.at(root), "the list of devices is empty");
        }
        List<DeviceDescription> devices = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (Node n : deviceNodes) {
            DeviceDescription d = device(n);
            if (!names.add(d.name())) {
                throw D2lException.at(d.at(), "duplicate device name \"" + d.name() + "\"");
            }
            devices.add(d);
        }
        return new D2lFile(y.file(), devices);
    }

    private DeviceDescription device(Node node) {
        Map<String, NodeTuple> k = y.keys(y.map(node, "a device"), "a device", DEVICE_KEYS);
        String name = y.upperName(k, node, "device");
        String where = "device " + name;
        String ip = k.containsKey("ip") ? y.identifier(k.get("ip").getValueNode(), where + " ip") : "";
        String library = k.containsKey("library") ? y.identifier(k.get("library").getValueNode(), where + " library") : "";
        List<String> includes = new ArrayList<>();
        if (k.containsKey("includes")) {
            for (Node n : y.list(k.get("includes").getValueNode(), where + " includes")) {
                includes.add(y.string(n, "each include of " + where));
            }
        }
        List<DeviceObject> objects = new ArrayList<>();
        if (k.containsKey("objects")) {
            for (Node n : y.list(k.get("objects").getValueNode(), where + " objects")) {
                Map<String, NodeTuple> o = y.keys(y.map(n, "an object of " + where), "an object of " + where,
                        Set.of("name", "type"));
                objects.add(new DeviceObject(y.identifier(y.required(o, "name", n, "an object of " + where), "object name"),
                        y.string(y.required(o, "type", n, "an object of " + where), "object type")));
            }
        }
        if (!k.containsKey("operations")) {
            throw D2lException.at(y.at(node), where + " has no \"operations\"");
        }
        List<Operation> operations = new ArrayList<>();
        Set<String> opNames = new HashSet<>();
        for (Node n : y.list(k.get("operations").getValueNode(), where + " operations")) {
            Operation op = new OperationReader(y, ip, library).operation(n, name);
            if (!opNames.add(op.name())) {
                throw D2lException.at(op.at(), "duplicate operation name \"" + op.name() + "\" in " + where);
            }
            operations.add(op);
        }
        return new DeviceDescription(name, y.description(k, where), ip, library, includes, objects, operations, y.at(node));
    }
}
