package io.jynq.metadata;

import java.util.Map;

/**
 * An ip_dict or mem_dict entry as PYNQ's rules make it, before interrupts and GPIO are attached:
 * {@link HierarchyRules} turns it into the public {@link IpDescription} once they are known.
 *
 * @param name the ip_dict key
 * @param module the MODULE it describes
 * @param processingSystem true for the PS entry
 * @param physAddr base address, bytes
 * @param addrRange size of the range, bytes (0 for the PS entry)
 * @param memId the bus interface of the MEMRANGE, or null
 * @param memtype the MEMRANGE's MEMTYPE, or null
 * @param offset byte offset of the MEMRANGE this entry came from, for error messages; -1 if none
 */
record IpEntry(String name, ModuleDescription module, boolean processingSystem, long physAddr, long addrRange,
        String memId, MemType memtype, int offset) {

    /** The PS's own entry (no range). */
    static IpEntry processingSystem(ModuleDescription ps) {
        return new IpEntry(ps.fullpath(), ps, true, 0, 0, null, null, -1);
    }

    /** PYNQ's deepcopy of an entry under a new key (several ranges of one instance). */
    IpEntry renamed(String newName) {
        return new IpEntry(newName, module, processingSystem, physAddr, addrRange, memId, memtype, offset);
    }

    /** The public entry, with the interrupt pins and GPIO entries wired to it (by port name). */
    IpDescription describe(Map<String, InterruptPin> interrupts, Map<String, GpioEntry> gpio) {
        return new IpDescription(name, name, module.instance(), module.vlnv(), module.vlnvText(), physAddr, addrRange,
                memId, memtype, module.bdtype(), processingSystem, module.parameters(),
                processingSystem ? Map.of() : module.registers(), interrupts, gpio);
    }
}
