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
 * PYNQ also re-keys GPIO and interrupt pins that cross into the region; that is not done here (the
 * designs at hand wire none), so those dictionaries stay the full design's.
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
        return new OverlayMetadata(base.source(), base.systemInfo(), base.partial(), base.processingSystem(), ip,
                base.gpioDict(), base.interruptControllers(), base.interruptPins(), hier, mem, base.clockDict(),
                base.modules(), base.nets(), base.busConnections(), base.interruptConnections());
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
