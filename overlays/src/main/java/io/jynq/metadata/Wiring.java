package io.jynq.metadata;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the simulator needs beyond PYNQ's dictionaries: nets by SIGNAME, master/slave pairs
 * sharing a BUSNAME (AXI-Stream links among them) and every hop over nets that carry an
 * interrupt.
 */
final class Wiring {
    private Wiring() {}

    private record Member(String fullpath, PortDescription port, boolean external) {}

    static Map<String, Net> nets(ParsedHwh p, Netlist nl) {
        // the design's own fullpath and port-name Strings, which PinList keeps instead of pins
        Map<String, String> shared = new HashMap<>();
        for (ParsedHwh.Located lm : p.modules()) {
            shared.put(lm.module().fullpath(), lm.module().fullpath());
            for (PortDescription port : lm.allPorts()) {
                shared.putIfAbsent(port.name(), port.name());
            }
        }
        Map<String, Net> out = new LinkedHashMap<>();
        for (String signame : nl.nets().keySet()) {
            if (signame != null) {
                out.put(signame, new Net(signame, PinList.of(nl.sortedPins(signame), shared)));
            }
        }
        return out;
    }

    static List<BusConnection> busConnections(ParsedHwh p) {
        Map<String, List<String[]>> masters = new LinkedHashMap<>();
        Map<String, List<String[]>> slaves = new LinkedHashMap<>();
        Map<String, Vlnv> types = new LinkedHashMap<>();
        for (ParsedHwh.Located lm : p.modules()) {
            for (BusInterfaceDescription b : lm.module().busInterfaces().values()) {
                collect(lm.module().fullpath(), b, masters, slaves, types);
            }
        }
        for (BusInterfaceDescription b : p.externalInterfaces()) {
            collect("", b, masters, slaves, types);
        }
        List<BusConnection> out = new ArrayList<>();
        for (Map.Entry<String, List<String[]>> e : masters.entrySet()) {
            for (String[] m : e.getValue()) {
                for (String[] s : slaves.getOrDefault(e.getKey(), List.of())) {
                    out.add(new BusConnection(e.getKey(), types.get(e.getKey()), m[0], m[1], s[0], s[1]));
                }
            }
        }
        return out;
    }

    private static void collect(String fullpath, BusInterfaceDescription b, Map<String, List<String[]>> masters,
            Map<String, List<String[]>> slaves, Map<String, Vlnv> types) {
        String bus = b.busname();
        if (bus == null || bus.isEmpty() || (!b.isMaster() && !b.isSlave())) {
            return;
        }
        add(b.isMaster() ? masters : slaves, bus, new String[] {fullpath, b.name()});
        if (b.vlnv() != null && (b.isMaster() || !types.containsKey(bus))) {
            types.put(bus, b.vlnv());
        }
    }

    // The loop bodies below are methods of their own (member, connect) because these loops run
    // once per parse: a method called a few thousand times is compiled after its first few
    // hundred calls, a loop body only after 60,000 iterations, so inline they stayed interpreted
    // through a first parse.
    static List<InterruptConnection> interruptConnections(ParsedHwh p) {
        Map<String, List<Member>> byNet = new LinkedHashMap<>();
        for (ParsedHwh.Located lm : p.modules()) {
            String fullpath = lm.module().fullpath();
            for (PortDescription port : lm.allPorts()) {
                member(byNet, fullpath, port, false);
            }
        }
        for (PortDescription port : p.externalPorts()) {
            member(byNet, "", port, true);
        }
        List<InterruptConnection> out = new ArrayList<>();
        for (Map.Entry<String, List<Member>> e : byNet.entrySet()) {
            connect(e.getKey(), e.getValue(), out);
        }
        return out;
    }

    private static void member(Map<String, List<Member>> byNet, String fullpath, PortDescription port, boolean external) {
        if (port.signame() != null && !port.signame().isEmpty()) {
            add(byNet, port.signame(), new Member(fullpath, port, external));
        }
    }

    /** Every driver-to-driven hop of {@code net}, if one of its members is an interrupt port. */
    private static void connect(String net, List<Member> members, List<InterruptConnection> out) {
        boolean interrupt = false;
        for (Member m : members) {
            interrupt |= m.port().isInterrupt();
        }
        if (!interrupt) {
            return;
        }
        for (Member src : members) {
            if (!drives(src)) {
                continue;
            }
            for (Member sink : members) {
                if (sink != src && driven(sink)) {
                    out.add(new InterruptConnection(net, src.fullpath(), src.port().name(), sink.fullpath(),
                            sink.port().name()));
                }
            }
        }
    }

    // A loop, not computeIfAbsent with a lambda: lambda bootstraps count in the first parse.
    private static <T> void add(Map<String, List<T>> map, String key, T value) {
        List<T> l = map.get(key);
        if (l == null) {
            l = new ArrayList<>();
            map.put(key, l);
        }
        l.add(value);
    }

    /** A module output, or a top-level input port (driven from outside the design). */
    private static boolean drives(Member m) {
        return m.port().direction() == (m.external() ? PortDirection.IN : PortDirection.OUT);
    }

    private static boolean driven(Member m) {
        return m.port().direction() == (m.external() ? PortDirection.OUT : PortDirection.IN);
    }
}
