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
        // Stage 2: each step a function of the earlier steps' unmodifiable results.
        PynqRules.Tables t = PynqRules.apply(p);
        Netlist nl = Netlist.of(p);
        Map<String, GpioEntry> gpio = InterruptRules.gpio(p, t, nl);
        InterruptRules.Interrupts irq = InterruptRules.interrupts(p, t, nl);
        HierarchyRules.Frozen h = HierarchyRules.build(t.ipDict(), t.memDict(), irq.pins(), gpio);

        ParsedHwh.SystemInfoTag s = p.systemInfo() != null ? p.systemInfo()
                : new ParsedHwh.SystemInfoTag(null, null, null, null, null, null);
        SystemInfo info = new SystemInfo(t.arch(), s.arch(), s.device(), s.packageName(), s.speedGrade(),
                s.designName(), s.board(), p.vivadoVersion());
        return new OverlayMetadata(name, info, t.partial(), t.partial() ? null : t.psName(), h.ipDict(), gpio,
                irq.controllers(), irq.pins(), h.hierarchies(), h.memDict(), t.clocks(), modules(p, t.ps()),
                Wiring.nets(p, nl), Wiring.busConnections(p), Wiring.interruptConnections(p));
    }

    /** Every module by INSTANCE, the PS (if any) marked as such. */
    private static Map<String, ModuleDescription> modules(ParsedHwh p, ParsedHwh.Located ps) {
        Map<String, ModuleDescription> modules = new LinkedHashMap<>();
        for (ParsedHwh.Located lm : p.modules()) {
            ModuleDescription m = lm.module();
            if (lm == ps) {
                m = new ModuleDescription(m.instance(), m.fullpath(), m.vlnv(), m.vlnvText(), m.modType(), m.ipType(),
                        m.modClass(), m.bdtype(), true, m.parameters(), m.registers(), m.ports(), m.busInterfaces(),
                        m.memoryMap());
            }
            modules.put(m.instance(), m);
        }
        return modules;
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
