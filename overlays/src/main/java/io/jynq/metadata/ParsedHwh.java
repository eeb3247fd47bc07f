package io.jynq.metadata;

import java.util.ArrayList;
import java.util.List;

/**
 * What {@link HwhReader} collects in its single pass over a {@code .hwh}, before PYNQ's rules
 * ({@link PynqRules}) turn it into dictionaries: the raw modules with their byte offsets, kept so
 * that errors found later (an unknown MEMRANGE instance, a duplicate instance) still name the
 * line and column.
 */
final class ParsedHwh {
    /**
     * A module with the offset of its start tag and every PORT in file order (the module's
     * {@code ports} map keeps one per name; PYNQ's nets see them all).
     */
    record Located(ModuleDescription module, int offset, List<PortDescription> allPorts) {}

    /** A MEMRANGE with the offset of its tag and the index of the module holding it (-1 if none). */
    record LocatedRange(MemRange range, int offset, int owner) {}

    final XmlScanner scanner;
    String archName;
    String device;
    String packageName;
    String speedGrade;
    String designName;
    String board;
    String vivadoVersion;
    int systemInfoOffset = -1;
    int modulesOffset = -1;
    final List<Located> modules = new ArrayList<>();
    final List<LocatedRange> ranges = new ArrayList<>();
    final List<PortDescription> externalPorts = new ArrayList<>();
    boolean externalPortsSeen;
    final List<BusInterfaceDescription> externalInterfaces = new ArrayList<>();

    ParsedHwh(XmlScanner scanner) {
        this.scanner = scanner;
    }

    MetadataException error(int offset, String problem) {
        return scanner.error(offset, problem);
    }
}
