package io.jynq.metadata;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * PYNQ's hierarchy_dict (every '/'-prefix of an ip_dict or mem_dict name, with relative keys)
 * and the assignment of interrupt pins and GPIO entries to ip and hierarchy entries, then the
 * freezing of everything into the immutable records.
 */
final class HierarchyRules {
    private static final class Node {
        final String fullpath;
        final Map<String, IpBuilder> ip = new LinkedHashMap<>();
        final Map<String, IpBuilder> memories = new LinkedHashMap<>();
        final Map<String, Node> hierarchies = new LinkedHashMap<>();
        final Map<String, InterruptPin> interrupts = new LinkedHashMap<>();
        final Map<String, GpioEntry> gpio = new LinkedHashMap<>();
        Hierarchy frozen;

        Node(String fullpath) {
            this.fullpath = fullpath;
        }
    }

    private final Map<String, Node> nodes = new LinkedHashMap<>();

    private static final Comparator<Node> DEEPEST_FIRST = new Comparator<>() {
        @Override
        public int compare(Node a, Node b) {
            return Integer.compare(slashes(b.fullpath), slashes(a.fullpath));
        }
    };

    /** Builds the hierarchies and attaches interrupts and GPIO, as PYNQ's last two steps. */
    void build(Map<String, IpBuilder> ipDict, Map<String, IpBuilder> memDict, Map<String, InterruptPin> interruptPins,
            Map<String, GpioEntry> gpioDict) {
        Set<String> names = new LinkedHashSet<>();
        List<String> objects = new ArrayList<>(ipDict.keySet());
        objects.addAll(memDict.keySet());
        for (String k : objects) {
            String h = parent(k);
            while (h != null && names.add(h)) {
                h = parent(h);
            }
        }
        for (String h : names) {
            nodes.put(h, new Node(h));
        }
        for (Map.Entry<String, IpBuilder> e : ipDict.entrySet()) {
            String h = parent(e.getKey());
            if (truthy(h)) {
                nodes.get(h).ip.put(leaf(e.getKey()), e.getValue());
            }
        }
        for (Map.Entry<String, IpBuilder> e : memDict.entrySet()) {
            String h = parent(e.getKey());
            if (truthy(h)) {
                nodes.get(h).memories.put(leaf(e.getKey()), e.getValue());
            }
        }
        for (Node n : nodes.values()) {
            String h = parent(n.fullpath);
            if (truthy(h)) {
                nodes.get(h).hierarchies.put(leaf(n.fullpath), n);
            }
        }
        for (Map.Entry<String, InterruptPin> e : interruptPins.entrySet()) {
            String block = before(e.getKey());
            String pin = leaf(e.getKey());
            IpBuilder ip = ipDict.get(block);
            if (ip != null) {
                ip.interrupts.put(pin, e.getValue());
            }
            Node n = nodes.get(block);
            if (n != null) {
                n.interrupts.put(pin, e.getValue());
            }
        }
        for (GpioEntry g : gpioDict.values()) {
            for (String connection : g.pins()) {
                String block = before(connection);
                String pin = leaf(connection);
                IpBuilder ip = ipDict.get(block);
                if (ip != null) {
                    ip.gpio.put(pin, g);
                } else if (nodes.containsKey(block)) {
                    nodes.get(block).gpio.put(pin, g);
                }
            }
        }
    }

    /** Freezes bottom-up (deepest first), so no recursion however deep the paths. */
    Map<String, Hierarchy> freeze() {
        List<Node> order = new ArrayList<>(nodes.values());
        order.sort(DEEPEST_FIRST);
        for (Node n : order) {
            Map<String, Hierarchy> subs = new LinkedHashMap<>();
            for (Map.Entry<String, Node> e : n.hierarchies.entrySet()) {
                subs.put(e.getKey(), e.getValue().frozen);
            }
            n.frozen = new Hierarchy(n.fullpath, frozen(n.ip), subs, n.interrupts, n.gpio, frozen(n.memories));
        }
        Map<String, Hierarchy> out = new LinkedHashMap<>();
        for (Map.Entry<String, Node> e : nodes.entrySet()) {
            out.put(e.getKey(), e.getValue().frozen);
        }
        return out;
    }

    static Map<String, IpDescription> frozen(Map<String, IpBuilder> m) {
        Map<String, IpDescription> out = new LinkedHashMap<>();
        for (Map.Entry<String, IpBuilder> e : m.entrySet()) {
            out.put(e.getKey(), e.getValue().freeze());
        }
        return out;
    }

    private static int slashes(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == '/') {
                n++;
            }
        }
        return n;
    }

    /** Python's {@code k.rpartition('/')[0]} when k has a '/', else null (no parent). */
    private static String parent(String k) {
        int i = k.lastIndexOf('/');
        return i < 0 ? null : k.substring(0, i);
    }

    /** {@code rpartition('/')[0]}: "" when there is no '/'. */
    private static String before(String k) {
        int i = k.lastIndexOf('/');
        return i < 0 ? "" : k.substring(0, i);
    }

    private static String leaf(String k) {
        return k.substring(k.lastIndexOf('/') + 1);
    }

    private static boolean truthy(String s) {
        return s != null && !s.isEmpty();
    }
}
