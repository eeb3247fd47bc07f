package io.jynq.metadata;

import java.util.List;

/**
 * Stage 1 of {@link HwhParser}: what {@link HwhReader} collects in its single pass over a
 * {@code .hwh}, immutable once read. Stage 2 turns it into PYNQ's dictionaries by functions of
 * it, each returning an unmodifiable result the next reads: {@link Netlist}, {@link PynqRules}
 * (PS, ip_dict, clocks, mem_dict), {@link InterruptRules} (gpio_dict, interrupts),
 * {@link HierarchyRules} (hierarchy_dict, the public entries) and {@link Wiring}. The raw modules
 * keep their byte offsets, so that errors found in stage 2 (an unknown MEMRANGE instance, a
 * duplicate instance) still name the line and column.
 *
 * @param scanner            the scanner of the file, for positions of offsets in errors
 * @param systemInfo         the first {@code EDKSYSTEM/SYSTEMINFO}, or null if the file has none
 * @param vivadoVersion      {@code EDKSYSTEM VIVADOVERSION}, or null
 * @param modules            every MODULE in file order
 * @param ranges             every MEMRANGE in file order, wherever it is
 * @param externalPorts      the first {@code EXTERNALPORTS}' ports
 * @param externalInterfaces the {@code EXTERNALINTERFACES}' bus interfaces
 */
record ParsedHwh(XmlScanner scanner, SystemInfoTag systemInfo, String vivadoVersion, List<Located> modules,
        List<LocatedRange> ranges, List<PortDescription> externalPorts, List<BusInterfaceDescription> externalInterfaces) {

    /**
     * A module with the offset of its start tag and every PORT in file order (the module's
     * {@code ports} map keeps one per name; PYNQ's nets see them all).
     */
    record Located(ModuleDescription module, int offset, List<PortDescription> allPorts) {}

    /** A MEMRANGE with the offset of its tag and the index of the module holding it (-1 if none). */
    record LocatedRange(MemRange range, int offset, int owner) {}

    /** {@code <SYSTEMINFO ARCH DEVICE PACKAGE SPEEDGRADE NAME BOARD>}; any may be null. */
    record SystemInfoTag(String arch, String device, String packageName, String speedGrade, String designName,
            String board) {}

    /** The SYSTEMINFO's ARCH, or null. */
    String archName() {
        return systemInfo == null ? null : systemInfo.arch();
    }

    /** Byte offset of the module with that fullpath, for messages (the root's, 0, if none). */
    int offsetOf(String fullpath) {
        for (Located m : modules) {
            if (m.module().fullpath().equals(fullpath)) {
                return m.offset();
            }
        }
        return 0;
    }

    MetadataException error(int offset, String problem) {
        return scanner.error(offset, problem);
    }
}
