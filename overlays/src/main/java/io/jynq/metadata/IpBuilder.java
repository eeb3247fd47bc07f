package io.jynq.metadata;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A mutable ip_dict entry while PYNQ's rules run: interrupts and GPIO are attached after the
 * hierarchies already hold the entry, as in PYNQ where one dict is shared by ip_dict, mem_dict
 * and hierarchy_dict. {@link #freeze()} makes the immutable {@link IpDescription} once, so the
 * views keep sharing one instance.
 */
final class IpBuilder {
    String name;
    final ModuleDescription module;
    final boolean processingSystem;
    long physAddr;
    /** Byte offset of the MEMRANGE this entry came from, for error messages; -1 if none. */
    int offset = -1;
    long addrRange;
    String memId;
    MemType memtype;
    final Map<String, InterruptPin> interrupts = new LinkedHashMap<>();
    final Map<String, GpioEntry> gpio = new LinkedHashMap<>();
    private IpDescription frozen;

    IpBuilder(String name, ModuleDescription module, boolean processingSystem) {
        this.name = name;
        this.module = module;
        this.processingSystem = processingSystem;
    }

    /** PYNQ's deepcopy of an entry under a new key (several ranges of one instance). */
    IpBuilder copyAs(String newName) {
        IpBuilder c = new IpBuilder(newName, module, processingSystem);
        c.physAddr = physAddr;
        c.offset = offset;
        c.addrRange = addrRange;
        c.memId = memId;
        c.memtype = memtype;
        c.interrupts.putAll(interrupts);
        c.gpio.putAll(gpio);
        return c;
    }

    IpDescription freeze() {
        if (frozen == null) {
            frozen = new IpDescription(name, name, module.instance(), module.vlnv(), module.vlnvText(), physAddr,
                    addrRange, memId, memtype, module.bdtype(), processingSystem, module.parameters(),
                    processingSystem ? Map.of() : module.registers(), interrupts, gpio);
        }
        return frozen;
    }
}
