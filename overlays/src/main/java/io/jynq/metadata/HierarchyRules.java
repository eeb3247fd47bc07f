package io.jynq.metadata;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Stage 2 of {@link HwhParser}, the last of PYNQ's rules: hierarchy_dict (every '/'-prefix of an
 * ip_dict or mem_dict name, with relative keys) and the assignment of interrupt pins and GPIO
 * entries to ip_dict and hierarchy entries; then the public, immutable records. A function of the
 * earlier stages' results; its working state lives in one call.
 */
final class HierarchyRules {
    private HierarchyRules() {}

    /**
     * The public dictionaries. An entry in both ip_dict and mem_dict (a MEMORY range) is one
     * {@link IpDescription} instance in both, and in its hierarchy, as in PYNQ where one dict
     * is shared by the views.
     *
     * @param ipDict ip_dict, with interrupts and GPIO attached
     * @param memDict mem_dict
     * @param hierarchies hierarchy_dict by fullpath
     */
    record Frozen(Map<String, IpDescription> ipDict, Map<String, IpDescription> memDict,
            Map<String, Hierarchy> hierarchies) {}

    private static final class Node {
        final String fullpath;
        final Map<String, IpDescription> ip = new LinkedHashMap<>();
        final Map<String, IpDescription> memories = new LinkedHashMap<>();
        final Map<String, Node> hierarchies = new LinkedHashMap<>();
        final Map<String, InterruptPin> interrupts = new LinkedHashMap<>();
        final Map<String, GpioEntry> gpio = new LinkedHashMap<>();
        Hierarchy frozen;

        Node(String fullpath) {
            this.fullpath = fullpath;
        }
    }

    private static final Comparator<Node> DEEPEST_FIRST = new Comparator<>() {
        @Override
        public int compare(Node a, Node b) {
            return Integer.compare(slashes(b.fullpath), slashes(a.fullpath));
        }
    };

    /** Builds the hierarchies and attaches interrupts and GPIO, as PYNQ's last two steps. */
    static Frozen build(Map<String, IpEntry> ipDict, Map<String, IpEntry> memDict,
            Map<String, InterruptPin> interruptPins, Map<String, GpioEntry> gpioDict) {
        Map<String, Node> nodes = nodes(ipDict, memDict);
        Map<String, Map<String, InterruptPin>> ipInterrupts = new HashMap<>();
        for (Map.Entry<String, InterruptPin> e : interruptPins.entrySet()) {
            String block = before(e.getKey());
            String pin = leaf(e.getKey());
            if (ipDict.containsKey(block)) {
                attachments(ipInterrupts, block).put(pin, e.getValue());
            }
            Node n = nodes.get(block);
            if (n != null) {
                n.interrupts.put(pin, e.getValue());
            }
        }
        Map<String, Map<String, GpioEntry>> ipGpio = new HashMap<>();
        for (GpioEntry g : gpioDict.values()) {
            for (String connection : g.pins()) {
                String block = before(connection);
                String pin = leaf(connection);
                if (ipDict.containsKey(block)) {
                    attachments(ipGpio, block).put(pin, g);
                } else if (nodes.containsKey(block)) {
                    nodes.get(block).gpio.put(pin, g);
                }
            }
        }
        LinkedHashMap<String, IpDescription> ip = new LinkedHashMap<>();
        for (Map.Entry<String, IpEntry> e : ipDict.entrySet()) {
            ip.put(e.getKey(), e.getValue().describe(orEmpty(ipInterrupts.get(e.getKey())),
                    orEmpty(ipGpio.get(e.getKey()))));
        }
        LinkedHashMap<String, IpDescription> mem = new LinkedHashMap<>();
        for (Map.Entry<String, IpEntry> e : memDict.entrySet()) {
            IpEntry v = e.getValue();
            mem.put(e.getKey(), ipDict.get(e.getKey()) == v ? ip.get(e.getKey()) : v.describe(Map.of(), Map.of()));
        }
        for (Map.Entry<String, IpDescription> e : ip.entrySet()) {
            String h = parent(e.getKey());
            if (truthy(h)) {
                nodes.get(h).ip.put(leaf(e.getKey()), e.getValue());
            }
        }
        for (Map.Entry<String, IpDescription> e : mem.entrySet()) {
            String h = parent(e.getKey());
            if (truthy(h)) {
                nodes.get(h).memories.put(leaf(e.getKey()), e.getValue());
            }
        }
        return new Frozen(FrozenMap.adopt(ip), FrozenMap.adopt(mem), freeze(nodes));
    }

    /** One node per '/'-prefix of every name, parents after their first child, linked. */
    private static Map<String, Node> nodes(Map<String, IpEntry> ipDict, Map<String, IpEntry> memDict) {
        Set<String> names = new LinkedHashSet<>();
        List<String> objects = new ArrayList<>(ipDict.keySet());
        objects.addAll(memDict.keySet());
        for (String k : objects) {
            String h = parent(k);
            while (h != null && names.add(h)) {
                h = parent(h);
            }
        }
        Map<String, Node> nodes = new LinkedHashMap<>();
        for (String h : names) {
            nodes.put(h, new Node(h));
        }
        for (Node n : nodes.values()) {
            String h = parent(n.fullpath);
            if (truthy(h)) {
                nodes.get(h).hierarchies.put(leaf(n.fullpath), n);
            }
        }
        return nodes;
    }

    // A get/put, not computeIfAbsent with a lambda: lambda bootstraps count in the first parse.
    private static <V> Map<String, V> attachments(Map<String, Map<String, V>> byIp, String ip) {
        Map<String, V> m = byIp.get(ip);
        if (m == null) {
            m = new LinkedHashMap<>();
            byIp.put(ip, m);
        }
        return m;
    }

    private static <V> Map<String, V> orEmpty(Map<String, V> m) {
        return m == null ? Map.of() : m;
    }

    /** Freezes bottom-up (deepest first), so no recursion however deep the paths. */
    private static Map<String, Hierarchy> freeze(Map<String, Node> nodes) {
        List<Node> order = new ArrayList<>(nodes.values());
        order.sort(DEEPEST_FIRST);
        for (Node n : order) {
            Map<String, Hierarchy> subs = new LinkedHashMap<>();
            for (Map.Entry<String, Node> e : n.hierarchies.entrySet()) {
                subs.put(e.getKey(), e.getValue().frozen);
            }
            n.frozen = new Hierarchy(n.fullpath, n.ip, subs, n.interrupts, n.gpio, n.memories);
        }
        Map<String, Hierarchy> out = new LinkedHashMap<>();
        for (Map.Entry<String, Node> e : nodes.entrySet()) {
            out.put(e.getKey(), e.getValue().frozen);
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
