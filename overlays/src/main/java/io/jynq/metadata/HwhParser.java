package io.jynq.metadata;

import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads a Vivado hardware handoff ({@code .hwh}) into {@link OverlayMetadata}, following PYNQ's
 * legacy {@code hwh_parser} rules so that {@link OverlayMetadata#toPynqJson()} equals what PYNQ
 * computes, and keeping every module, net and connection for the simulator.
 *
 * <p>The PS family (Zynq-7000 or ZynqMP) comes from the file's own {@code SYSTEMINFO ARCH},
 * never from the machine JYNQ runs on. A file without a PS of that family (a DFX partial design)
 * is {@code partial}: ip_dict then lists every MEMRANGE, keyed by master interface.
 *
 * <pre>{@code
 * OverlayMetadata md = HwhParser.parse(Path.of("base.hwh"));
 * md.ip("btns_gpio").physAddr();   // 0x41200000, bytes
 * }</pre>
 *
 * <p>Thread-safe: every call works on its own state. For repeated loads of the same content use
 * {@link MetadataCache}.
 */
public final class HwhParser {
    private HwhParser() {}

    /**
     * Parses a {@code .hwh} file.
     *
     * @throws MetadataException naming the file, line and column when the content is not a
     *     well-formed {@code .hwh} (see {@link #parse(byte[], String)})
     * @throws UncheckedIOException when the file cannot be read
     */
    public static OverlayMetadata parse(Path file) {
        return parse(read(file), file.toString());
    }

    /**
     * Parses {@code .hwh} content (UTF-8 XML, an optional BOM).
     *
     * @param content the file's bytes; not modified
     * @param name the file name for messages
     * @throws MetadataException naming {@code name}, the line and column and what was expected,
     *     for: content that is not XML or not well-formed (including truncation), a root other
     *     than EDKSYSTEM, a missing MODULES element, a MODULE without INSTANCE or FULLNAME,
     *     duplicate INSTANCE names, a MEMRANGE naming an unknown INSTANCE or with a non-hex
     *     BASEVALUE/HIGHVALUE, a register or field lacking a property PYNQ reads (ADDRESS_OFFSET,
     *     SIZE, ACCESS, BIT_OFFSET, BIT_WIDTH) or with a non-numeric one, PS clock parameters
     *     missing, an xlslice on PS GPIO without a numeric DIN_FROM, an xlconcat without
     *     NUM_PORTS, an interrupt loop, or more interrupt lines than the PS input has
     */
    public static OverlayMetadata parse(byte[] content, String name) {
        ParsedHwh p = HwhReader.read(content, name);
        PynqRules r = new PynqRules(p, name);
        r.run();
        AddressMap.requireDisjoint(r.ipDict.values(), p);
        InterruptRules irq = new InterruptRules(r, p);
        irq.gpio();
        irq.interrupts();
        r.memDict();
        HierarchyRules h = new HierarchyRules();
        h.build(r.ipDict, r.memDict, irq.interruptPins, irq.gpioDict);
        Map<String, Hierarchy> hierarchies = h.freeze();

        ParsedHwh.SystemInfoTag t = p.systemInfo() != null ? p.systemInfo()
                : new ParsedHwh.SystemInfoTag(null, null, null, null, null, null);
        SystemInfo info = new SystemInfo(r.arch, t.arch(), t.device(), t.packageName(), t.speedGrade(),
                t.designName(), t.board(), p.vivadoVersion());
        Map<String, ModuleDescription> modules = new LinkedHashMap<>();
        for (ParsedHwh.Located lm : p.modules()) {
            ModuleDescription m = lm.module();
            if (lm == r.ps) {
                m = new ModuleDescription(m.instance(), m.fullpath(), m.vlnv(), m.vlnvText(), m.modType(), m.ipType(),
                        m.modClass(), m.bdtype(), true, m.parameters(), m.registers(), m.ports(), m.busInterfaces(),
                        m.memoryMap());
            }
            modules.put(m.instance(), m);
        }
        return new OverlayMetadata(name, info, r.partial, r.ps == null ? null : r.psName,
                HierarchyRules.frozen(r.ipDict), irq.gpioDict, irq.controllers, irq.interruptPins, hierarchies,
                HierarchyRules.frozen(r.memDict), r.clocks, modules, Wiring.nets(r), Wiring.busConnections(p),
                Wiring.interruptConnections(p));
    }

    /**
     * Largest {@code .hwh} read: 256 MiB. Real ones are a few MB (pynqz1_base.hwh 3.3 MB); a
     * larger file is refused naming it, not read into an OutOfMemoryError (issue 14: a 2 GiB one).
     */
    public static final long MAX_HWH_BYTES = 256L << 20;

    private static void checkSize(Path file, long size) {
        if (size > MAX_HWH_BYTES) {
            throw MetadataException.atByte(file.toString(), 0, "the file is " + size + " bytes; JYNQ reads .hwh files"
                    + " up to " + (MAX_HWH_BYTES >> 20) + " MiB (Vivado's are a few MB): is it really a .hwh?");
        }
    }

    static byte[] read(Path file) {
        try {
            if (file.getFileSystem() == FileSystems.getDefault()) {
                // java.io, not Files.readAllBytes: in a fresh JVM the NIO channel classes this
                // file would load first cost 11-16 ms against 6.5-8.4 ms (3.3 MB pynqz1_base.hwh)
                File f = file.toFile();
                if (!f.exists()) {
                    throw new NoSuchFileException(file.toString());
                }
                checkSize(file, f.length());
                try (FileInputStream in = new FileInputStream(f)) {
                    return in.readAllBytes();
                }
            }
            checkSize(file, Files.size(file));
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new UncheckedIOException("no such file: " + file, e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
