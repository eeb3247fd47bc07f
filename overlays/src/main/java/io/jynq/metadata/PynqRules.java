package io.jynq.metadata;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Stage 2 of {@link HwhParser}, PYNQ's legacy {@code hwh_parser} rules ({@code _HWHZynq} /
 * {@code _HWHUltrascale}) for the PS, ip_dict, clock_dict and mem_dict: a function of
 * {@link ParsedHwh} whose result, {@link Tables}, the later rules ({@link InterruptRules},
 * {@link HierarchyRules}) read and never change. The family comes from the file's
 * {@code SYSTEMINFO ARCH}.
 *
 * <p>Deliberate differences, each where PYNQ would crash or silently lose data: a MEMRANGE naming
 * an unknown INSTANCE and duplicate INSTANCE names are errors (PYNQ skips / overwrites);
 * sets are walked in sorted order (PYNQ's order is Python's set hashing); an interrupt loop is an
 * error (PYNQ recurses forever); overlapping address ranges are an error.
 */
final class PynqRules {
    private PynqRules() {}

    /**
     * What PYNQ's rules make of the PS and the address map; unmodifiable.
     *
     * @param arch the PS family, or null if the file names neither
     * @param ps the PS module, or null (a partial design)
     * @param clocks clock_dict (empty without a PS)
     * @param ipDict ip_dict entries in PYNQ's order, the PS's own last
     * @param memDict mem_dict entries (MEMORY ranges, and DFX register regions moved out of ip_dict)
     * @param concatCells each {@code xlconcat}'s fullpath to its NUM_PORTS text (may be null)
     * @param intcNames every {@code axi_intc}'s fullpath
     */
    record Tables(Arch arch, ParsedHwh.Located ps, Map<Integer, ClockInfo> clocks, Map<String, IpEntry> ipDict,
            Map<String, IpEntry> memDict, Map<String, String> concatCells, Set<String> intcNames) {

        /** The PS's fullpath, "" without one (PYNQ's default). */
        String psName() {
            return ps == null ? "" : ps.module().fullpath();
        }

        /** No PS of the family: a DFX partial design, whose ip_dict lists every MEMRANGE. */
        boolean partial() {
            return ps == null;
        }
    }

    /**
     * Applies the rules.
     *
     * @throws MetadataException for duplicate INSTANCE names, a MEMRANGE naming an unknown
     *     instance, missing or malformed PS clock parameters, overlapping address ranges
     */
    static Tables apply(ParsedHwh p) {
        Arch arch = Arch.fromHwh(p.archName());
        Map<String, ParsedHwh.Located> byInstance = byInstance(p);
        LinkedHashMap<String, IpEntry> ipDict = new LinkedHashMap<>();
        parseIpDict(p, byInstance, p.ranges(), true, ipDict);
        Map<Integer, ClockInfo> clocks = Map.of();
        ParsedHwh.Located ps = null;
        LinkedHashMap<String, String> concatCells = new LinkedHashMap<>();
        Set<String> intcNames = new LinkedHashSet<>();
        String psType = arch == null ? null : arch.psModType();
        for (int i = 0; i < p.modules().size(); i++) {
            ParsedHwh.Located lm = p.modules().get(i);
            ModuleDescription m = lm.module();
            String type = m.modType();
            if (type != null && type.equals(psType)) {
                // as PYNQ: the PS's own ranges replace the masters' view (the last PS wins)
                ps = lm;
                clocks = ClockRules.clocks(arch, lm, p);
                ipDict.clear();
                parseIpDict(p, byInstance, ownRanges(p, i), false, ipDict);
                ipDict.put(m.fullpath(), IpEntry.processingSystem(m));
            } else if ("xlconcat".equals(type)) {
                concatCells.put(m.fullpath(), m.parameter("NUM_PORTS"));
            } else if ("axi_intc".equals(type)) {
                intcNames.add(m.fullpath());
            }
        }
        AddressMap.requireDisjoint(ipDict.values(), p);
        LinkedHashMap<String, IpEntry> memDict = memDict(ipDict);
        return new Tables(arch, ps, FrozenMap.of(clocks), FrozenMap.adopt(ipDict), FrozenMap.adopt(memDict),
                FrozenMap.adopt(concatCells), Collections.unmodifiableSet(intcNames));
    }

    private static Map<String, ParsedHwh.Located> byInstance(ParsedHwh p) {
        Map<String, ParsedHwh.Located> byInstance = new LinkedHashMap<>();
        for (ParsedHwh.Located m : p.modules()) {
            ParsedHwh.Located prev = byInstance.putIfAbsent(m.module().instance(), m);
            if (prev != null) {
                throw p.error(m.offset(), "duplicate INSTANCE \"" + m.module().instance() + "\" (first at "
                        + p.scanner().position(prev.offset()) + "); expected unique instance names");
            }
        }
        return byInstance;
    }

    private static List<ParsedHwh.LocatedRange> ownRanges(ParsedHwh p, int module) {
        List<ParsedHwh.LocatedRange> own = new ArrayList<>();
        for (ParsedHwh.LocatedRange r : p.ranges()) {
            if (r.owner() == module) {
                own.add(r);
            }
        }
        return own;
    }

    static String join(String a, String b) {
        return a.concat("/").concat(String.valueOf(b));
    }

    private static void parseIpDict(ParsedHwh p, Map<String, ParsedHwh.Located> byInstance,
            List<ParsedHwh.LocatedRange> ranges, boolean master, Map<String, IpEntry> ipDict) {
        Set<String> toPop = new LinkedHashSet<>();
        for (ParsedHwh.LocatedRange lr : ranges) {
            MemRange r = lr.range();
            ParsedHwh.Located lm = byInstance.get(r.instance());
            if (lm == null) {
                throw p.error(lr.offset(), "MEMRANGE names unknown INSTANCE \"" + r.instance()
                        + "\"; expected one of the MODULE INSTANCE names");
            }
            ModuleDescription m = lm.module();
            if ("BLOCK_CONTAINER".equals(m.bdtype())) {
                continue;
            }
            String intfId = master ? r.masterBusInterface() : r.slaveBusInterface();
            String fullName = m.fullpath();
            IpEntry existing = ipDict.get(fullName);
            if (existing != null && truthy(existing.memId()) && truthy(intfId)) {
                String rename = join(fullName, existing.memId());
                ipDict.put(rename, existing.renamed(rename));
                toPop.add(fullName);
                fullName = join(fullName, intfId);
            } else if (m.vlnv() != null && "xilinx.com".equals(m.vlnv().vendor())
                    && "module_ref".equals(m.vlnv().library()) && truthy(m.bdtype())) {
                fullName = join(fullName, intfId);
            }
            ipDict.put(fullName, new IpEntry(fullName, m, false, r.baseAddress(),
                    r.highAddress() - r.baseAddress() + 1, intfId, r.memtype(), lr.offset()));
        }
        for (String k : toPop) {
            ipDict.remove(k);
        }
    }

    /**
     * PYNQ's init_mem_dict: MEMORY ranges go into mem_dict (and stay in ip_dict); DFX register
     * regions move there from {@code ipDict}.
     */
    private static LinkedHashMap<String, IpEntry> memDict(Map<String, IpEntry> ipDict) {
        LinkedHashMap<String, IpEntry> memDict = new LinkedHashMap<>();
        for (Map.Entry<String, IpEntry> e : new ArrayList<>(ipDict.entrySet())) {
            IpEntry v = e.getValue();
            if (v.memtype() == MemType.MEMORY) {
                memDict.put(e.getKey(), v);
            } else if (v.memtype() == MemType.REGISTER) {
                String bd = v.module().bdtype();
                if (("BLOCK_CONTAINER".equals(bd) && "true".equals(v.module().parameter("ENABLE_DFX")))
                        || "RBD".equals(bd)) {
                    memDict.put(e.getKey(), v);
                    ipDict.remove(e.getKey());
                }
            }
        }
        return memDict;
    }

    static boolean truthy(String s) {
        return s != null && !s.isEmpty();
    }
}
