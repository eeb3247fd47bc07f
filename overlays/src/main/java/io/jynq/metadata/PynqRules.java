package io.jynq.metadata;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * PYNQ's legacy {@code hwh_parser} rules ({@code _HWHZynq} / {@code _HWHUltrascale}) applied to
 * a {@link ParsedHwh}: ip_dict from MEMRANGEs, clocks, nets, GPIO, interrupts, mem_dict,
 * hierarchies, in PYNQ's order. The family comes from the file's {@code SYSTEMINFO ARCH}.
 *
 * <p>Deliberate differences, each where PYNQ would crash or silently lose data: a MEMRANGE naming
 * an unknown INSTANCE and duplicate INSTANCE names are errors (PYNQ skips / overwrites);
 * sets are walked in sorted order (PYNQ's order is Python's set hashing); an interrupt loop is an
 * error (PYNQ recurses forever).
 */
final class PynqRules {
    private final ParsedHwh p;
    private final String source;
    final Arch arch;
    final Map<String, ParsedHwh.Located> byInstance = new LinkedHashMap<>();
    final Map<String, IpBuilder> ipDict = new LinkedHashMap<>();
    final Map<String, IpBuilder> memDict = new LinkedHashMap<>();
    final Map<Integer, ClockInfo> clocks = new LinkedHashMap<>();
    final Map<String, String> concatCells = new LinkedHashMap<>();
    final Set<String> intcNames = new LinkedHashSet<>();
    /** SIGNAME (null for ports without one, as PYNQ's None key) to member pins. */
    final Map<String, Set<String>> nets = new LinkedHashMap<>(4096);
    final Map<String, String> pins = new HashMap<>(8192);
    String psName = "";
    ParsedHwh.Located ps;
    boolean partial = true;

    PynqRules(ParsedHwh p, String source) {
        this.p = p;
        this.source = source;
        this.arch = Arch.fromHwh(p.archName());
    }

    void run() {
        for (ParsedHwh.Located m : p.modules()) {
            ParsedHwh.Located prev = byInstance.putIfAbsent(m.module().instance(), m);
            if (prev != null) {
                throw p.error(m.offset(), "duplicate INSTANCE \"" + m.module().instance() + "\" (first at "
                        + p.scanner().position(prev.offset()) + "); expected unique instance names");
            }
        }
        parseIpDict(p.ranges(), true);
        String psType = arch == null ? null : arch.psModType();
        for (int i = 0; i < p.modules().size(); i++) {
            ParsedHwh.Located lm = p.modules().get(i);
            ModuleDescription m = lm.module();
            String type = m.modType();
            if (type != null && type.equals(psType)) {
                ps = lm;
                psName = m.fullpath();
                clocks.clear();
                clocks.putAll(ClockRules.clocks(arch, lm, p));
                partial = false;
                ipDict.clear();
                List<ParsedHwh.LocatedRange> own = new ArrayList<>();
                for (ParsedHwh.LocatedRange r : p.ranges()) {
                    if (r.owner() == i) {
                        own.add(r);
                    }
                }
                parseIpDict(own, false);
                ipDict.put(m.fullpath(), new IpBuilder(m.fullpath(), m, true));
            } else if ("xlconcat".equals(type)) {
                concatCells.put(m.fullpath(), m.parameter("NUM_PORTS"));
            } else if ("axi_intc".equals(type)) {
                intcNames.add(m.fullpath());
            }
            String prefix = m.fullpath().concat("/");
            for (PortDescription port : lm.allPorts()) {
                pin(port.signame(), prefix.concat(port.name()));
            }
        }
        for (PortDescription port : p.externalPorts()) {
            pin(port.signame(), port.name());
        }
        for (Map.Entry<String, Set<String>> e : nets.entrySet()) {
            pins(e.getKey(), e.getValue());
        }
    }

    // pin and pins are the bodies of run()'s loops, as methods so that the JIT compiles them
    // within a first parse (see HwhReader.step).
    private void pin(String signame, String pin) {
        net(signame).add(pin);
    }

    private void pins(String signame, Set<String> members) {
        for (String pin : members) {
            pins.put(pin, signame);
        }
    }

    // Plain code rather than lambdas and '+' here: each first use of those costs a bootstrap,
    // which counts in the cold (first) parse.
    private Set<String> net(String signame) {
        Set<String> s = nets.get(signame);
        if (s == null) {
            s = new LinkedHashSet<>();
            nets.put(signame, s);
        }
        return s;
    }

    static String join(String a, String b) {
        return a.concat("/").concat(String.valueOf(b));
    }

    private void parseIpDict(List<ParsedHwh.LocatedRange> ranges, boolean master) {
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
            IpBuilder existing = ipDict.get(fullName);
            if (existing != null && truthy(existing.memId) && truthy(intfId)) {
                String rename = join(fullName, existing.memId);
                ipDict.put(rename, existing.copyAs(rename));
                toPop.add(fullName);
                fullName = join(fullName, intfId);
            } else if (m.vlnv() != null && "xilinx.com".equals(m.vlnv().vendor())
                    && "module_ref".equals(m.vlnv().library()) && truthy(m.bdtype())) {
                fullName = join(fullName, intfId);
            }
            IpBuilder b = new IpBuilder(fullName, m, false);
            b.physAddr = r.baseAddress();
            b.addrRange = r.highAddress() - r.baseAddress() + 1;
            b.memId = intfId;
            b.memtype = r.memtype();
            b.offset = lr.offset();
            ipDict.put(fullName, b);
        }
        for (String k : toPop) {
            ipDict.remove(k);
        }
    }

    /** PYNQ's init_mem_dict: MEMORY ranges into mem_dict; DFX register regions move there. */
    void memDict() {
        for (Map.Entry<String, IpBuilder> e : new ArrayList<>(ipDict.entrySet())) {
            IpBuilder v = e.getValue();
            if (v.memtype == MemType.MEMORY) {
                memDict.put(e.getKey(), v);
            } else if (v.memtype == MemType.REGISTER) {
                String bd = v.module.bdtype();
                if (("BLOCK_CONTAINER".equals(bd) && "true".equals(v.module.parameter("ENABLE_DFX")))
                        || "RBD".equals(bd)) {
                    memDict.put(e.getKey(), v);
                    ipDict.remove(e.getKey());
                }
            }
        }
    }

    static boolean truthy(String s) {
        return s != null && !s.isEmpty();
    }

    String source() {
        return source;
    }

    /** Byte offset of the module with that fullpath, for messages (the root's if none). */
    int byInstanceOffset(String fullpath) {
        for (ParsedHwh.Located m : p.modules()) {
            if (m.module().fullpath().equals(fullpath)) {
                return m.offset();
            }
        }
        return 0;
    }
}
