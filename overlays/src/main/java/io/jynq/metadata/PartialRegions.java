package io.jynq.metadata;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The partial (DFX) regions of a full design and what a partial design loaded into one adds to the
 * dictionaries, as PYNQ's {@code Device.update_partial_region} merges them ({@code pl_server/device.py}):
 * every entry of the region is replaced by the partial design's IP, renamed {@code <region>/<fullpath>}
 * ({@code DefaultHierarchy._parse}), and the region becomes a hierarchy holding them.
 * <pre>{@code
 * OverlayMetadata now = PartialRegions.merge(full, "composable/pr_2", HwhParser.parse(partialHwh));
 * now.ip("composable/pr_2/add_accel");
 * }</pre>
 * GPIO and interrupt pins that cross into the region are re-keyed as PYNQ's {@code _update_pr_gpio}
 * and {@code _update_pr_intr_pins} mean to: a pin on the region's boundary ({@code <region>/<port>})
 * is the partial design's external port {@code <port>}; an interrupt pin there moves to the
 * deepest pin of that port's net inside the partial (the IP's own output, e.g.
 * {@code <region>/add_accel/interrupt}), and a GPIO entry gains every pin of that net. (PYNQ looks
 * the full design's pin names up in the partial's un-prefixed pin table, which only matches when
 * the names happen to agree; the region prefix is taken off and put back here.)
 */
public final class PartialRegions {
    private PartialRegions() {}

    /**
     * The design's partial regions: the fullpaths (no leading '/') of its {@code BDTYPE=BLOCK_CONTAINER}
     * modules, e.g. {@code composable/pr_2}, in file order.
     */
    public static List<String> regions(OverlayMetadata full) {
        List<String> out = new ArrayList<>();
        for (ModuleDescription m : full.modules().values()) {
            if ("BLOCK_CONTAINER".equals(m.bdtype())) {
                out.add(m.fullpath());
            }
        }
        return out;
    }

    /**
     * {@code base} with {@code partial} loaded into {@code region}: ip_dict and mem_dict lose every
     * entry under the region and gain the partial design's, renamed; hierarchy_dict gets the region
     * (and its ancestors see it as a sub-hierarchy). The result is not partial and keeps the base's
     * source, modules and clocks.
     *
     * @throws IllegalArgumentException if {@code region} is empty
     */
    public static OverlayMetadata merge(OverlayMetadata base, String region, OverlayMetadata partial) {
        if (region == null || region.isBlank()) {
            throw new IllegalArgumentException("a partial region path is needed, e.g. composable/pr_2");
        }
        String prefix = region + "/";
        Map<String, IpDescription> ip = without(base.ipDict(), prefix);
        Map<String, IpDescription> mem = without(base.memDict(), prefix);
        Map<String, IpDescription> inRegion = new LinkedHashMap<>();
        for (IpDescription d : partial.ipDict().values()) {
            if (d.processingSystem()) {
                continue;
            }
            IpDescription r = renamed(d, prefix);
            (d.memtype() == MemType.MEMORY ? mem : ip).put(r.name(), r);
            if (d.memtype() != MemType.MEMORY) {
                inRegion.put(d.name(), r);
            }
        }
        Map<String, Hierarchy> hier = new LinkedHashMap<>(base.hierarchyDict());
        hier.keySet().removeIf(k -> k.startsWith(prefix));
        Hierarchy child = new Hierarchy(region, inRegion, Map.of(), Map.of(), Map.of(), Map.of());
        hier.put(region, child);
        // each ancestor holds its sub-hierarchies by value: rebuild the chain up to the top
        for (int slash = region.lastIndexOf('/'); slash > 0; slash = region.lastIndexOf('/', slash - 1)) {
            String parentPath = region.substring(0, slash);
            Hierarchy p = hier.get(parentPath);
            if (p == null) {
                p = new Hierarchy(parentPath, Map.of(), Map.of(), Map.of(), Map.of(), Map.of());
            }
            Map<String, Hierarchy> subs = new LinkedHashMap<>(p.hierarchies());
            subs.put(child.fullpath().substring(slash + 1), child);
            child = new Hierarchy(p.fullpath(), p.ip(), subs, p.interrupts(), p.gpio(), p.memories());
            hier.put(parentPath, child);
        }
        Map<String, List<String>> netOfPin = netsByPin(partial);
        return new OverlayMetadata(base.source(), base.systemInfo(), base.partial(), base.processingSystem(), ip,
                rekeyGpio(base.gpioDict(), prefix, netOfPin), base.interruptControllers(),
                rekeyInterrupts(base.interruptPins(), prefix, netOfPin), hier, mem, base.clockDict(),
                base.modules(), base.nets(), base.busConnections(), base.interruptConnections());
    }

    /** Every pin of the partial design to the pins of its net, prefixed with nothing (partial-relative). */
    private static Map<String, List<String>> netsByPin(OverlayMetadata partial) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (Net n : partial.nets().values()) {
            for (String pin : n.pins()) {
                out.put(pin, n.pins());
            }
        }
        return out;
    }

    /** The partial's net behind full-design pin {@code pin} on the region boundary, or null. */
    private static List<String> boundaryNet(String pin, String prefix, Map<String, List<String>> netOfPin) {
        if (!pin.startsWith(prefix)) {
            return null;
        }
        return netOfPin.get(pin.substring(prefix.length()));
    }

    private static Map<String, InterruptPin> rekeyInterrupts(Map<String, InterruptPin> pins, String prefix,
            Map<String, List<String>> netOfPin) {
        Map<String, InterruptPin> out = new LinkedHashMap<>();
        for (Map.Entry<String, InterruptPin> e : pins.entrySet()) {
            List<String> net = boundaryNet(e.getKey(), prefix, netOfPin);
            if (net == null) {
                out.put(e.getKey(), e.getValue());
                continue;
            }
            String deepest = net.get(0);
            for (String p : net) {  // PYNQ: the pin with the most '/' (the IP inside, not the port)
                if (p.chars().filter(c -> c == '/').count() > deepest.chars().filter(c -> c == '/').count()) {
                    deepest = p;
                }
            }
            String key = prefix + deepest;
            InterruptPin v = e.getValue();
            out.put(key, new InterruptPin(key, v.controller(), v.index(), v.rawIrq()));
        }
        return out;
    }

    private static Map<String, GpioEntry> rekeyGpio(Map<String, GpioEntry> gpio, String prefix,
            Map<String, List<String>> netOfPin) {
        Map<String, GpioEntry> out = new LinkedHashMap<>();
        for (Map.Entry<String, GpioEntry> e : gpio.entrySet()) {
            java.util.TreeSet<String> pins = new java.util.TreeSet<>(e.getValue().pins());
            for (String pin : e.getValue().pins()) {
                List<String> net = boundaryNet(pin, prefix, netOfPin);
                if (net != null) {
                    net.forEach(p -> pins.add(prefix + p));
                }
            }
            out.put(e.getKey(), new GpioEntry(e.getValue().name(), e.getValue().index(), new ArrayList<>(pins)));
        }
        return out;
    }

    private static Map<String, IpDescription> without(Map<String, IpDescription> m, String prefix) {
        Map<String, IpDescription> out = new LinkedHashMap<>(m);
        out.keySet().removeIf(k -> k.startsWith(prefix));
        return out;
    }

    private static IpDescription renamed(IpDescription d, String prefix) {
        return new IpDescription(prefix + d.name(), prefix + d.fullpath(), d.instance(), d.vlnv(), d.type(),
                d.physAddr(), d.addrRange(), d.memId(), d.memtype(), d.bdtype(), false, d.parameters(), d.registers(),
                d.interrupts(), d.gpio());
    }
}
