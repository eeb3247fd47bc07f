package io.jynq.overlay.pkg;

import io.jynq.capi.CapiException;
import io.jynq.capi.Core;
import io.jynq.capi.CoreVlnv;
import io.jynq.capi.FileEntry;
import io.jynq.capi.Fileset;
import io.jynq.capi.Flags;
import io.jynq.error.SourcePosition;
import io.jynq.d2l.D2lFile;
import io.jynq.d2l.D2lParser;
import io.jynq.d2l.DeviceDescription;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An overlay package: a folder with a FuseSoC CAPI2 {@code .core} whose filesets name the overlay's
 * files by {@link FileRole}. The core's {@code default} target selects the filesets (all of them
 * when the core has no targets).
 * <pre>{@code
 * CAPI=2:
 * name: jynq:overlays:dsp_loopback:1.0
 * description: AXI DMA loopback through an HLS FIR
 * filesets:
 *   overlay:
 *     files: [dsp_loopback.bit: {file_type: bitstream}, dsp_loopback.hwh: {file_type: hwh}]
 *   devices:
 *     files: [dsp_loopback.d2l.yaml: {file_type: d2l}]
 *   native:
 *     file_type: cSource
 *     logical_name: dsp_ops                 # the library name device descriptions use
 *     files: [dsp_ops.c, dsp_ops.h: {is_include_file: true}]
 * targets:
 *   default: {filesets: [overlay, devices, native]}
 * }</pre>
 *
 * <p>Opening reads and checks the core and that every file it names exists; device descriptions
 * are parsed on first use of {@link #devices()}. Instances are immutable apart from that cache.
 */
public final class OverlayPackage {
    private final Path folder;
    private final Core core;
    private final List<PackageFile> files;
    private volatile List<D2lFile> devices;

    private OverlayPackage(Path folder, Core core, List<PackageFile> files) {
        this.folder = folder;
        this.core = core;
        this.files = List.copyOf(files);
    }

    /**
     * Reads the package in {@code folderOrCore}: a {@code .core} file, or a folder holding
     * {@code <folder name>.core} or exactly one {@code .core}.
     *
     * @throws IllegalArgumentException if there is no core, or a folder holds several and none is
     *                                  named after the folder
     * @throws CapiException            if the core is invalid, names a file that does not exist, or
     *                                  does not name exactly one bitstream or more than one .hwh
     *                                  (the message starts with {@code file:line:column})
     * @throws UncheckedIOException     if the folder cannot be read
     */
    public static OverlayPackage open(Path folderOrCore) {
        Path coreFile = coreFileOf(folderOrCore.toAbsolutePath().normalize());
        return of(Core.parse(coreFile), coreFile.getParent());
    }

    /** The package described by an already parsed core whose files live in {@code folder}. */
    static OverlayPackage of(Core core, Path folder) {
        Map<String, Fileset> filesets = core.sections(Flags.of()).filesets();
        List<FileEntry> entries = core.resolve(Flags.of()).files();
        if (entries.isEmpty() && core.sections().targets().isEmpty()) {
            entries = filesets.values().stream().flatMap(f -> f.files().stream()).toList();
        }
        List<PackageFile> files = new ArrayList<>();
        for (FileEntry e : entries) {
            Path p;
            try {
                p = folder.resolve(e.name()).normalize();
            } catch (java.nio.file.InvalidPathException bad) {
                throw new CapiException(e.at(), "file name \"" + e.name() + "\" is not a valid path: " + bad.getReason());
            }
            if (!p.startsWith(folder)) {
                throw new CapiException(e.at(), "file " + e.name() + " lies outside the package folder " + folder);
            }
            if (!Files.isRegularFile(p)) {
                throw new CapiException(e.at(), "file " + e.name() + " does not exist (looked at " + p + ")");
            }
            FileRole role = FileRole.of(e);
            String library = role == FileRole.C_SOURCE || role == FileRole.C_HEADER
                    ? (e.logicalName().isEmpty() ? core.name().name() : e.logicalName()) : "";
            if (role == FileRole.RTL_CORE) {
                if (e.logicalName().isEmpty()) {
                    throw new CapiException(e.at(), "RTL core " + e.name() + " needs logical_name: the IP instance it simulates"
                            + " (e.g. logical_name: fir_0)");
                }
                library = e.logicalName();
            }
            files.add(new PackageFile(p, role, library, e.at()));
        }
        OverlayPackage pkg = new OverlayPackage(folder, core, files);
        List<PackageFile> bits = pkg.filesOf(FileRole.BITSTREAM);
        SourcePosition top = new SourcePosition(core.file(), 1, 1);
        if (bits.size() != 1) {
            throw new CapiException(bits.isEmpty() ? top : bits.get(1).at(), "overlay package " + core.name()
                    + " must name exactly one bitstream (.bit or .bin, file_type: bitstream), found " + bits.size());
        }
        List<PackageFile> hwh = pkg.filesOf(FileRole.METADATA);
        if (hwh.size() > 1) {
            throw new CapiException(hwh.get(1).at(), "overlay package " + core.name() + " names "
                    + hwh.size() + " .hwh files; it may name at most one");
        }
        return pkg;
    }

    private static Path coreFileOf(Path p) {
        if (Files.isRegularFile(p)) {
            if (!p.getFileName().toString().endsWith(".core")) {
                throw new IllegalArgumentException(p + " is not a .core file");
            }
            return p;
        }
        if (!Files.isDirectory(p)) {
            throw new IllegalArgumentException("no overlay package at " + p + ": not a folder or .core file");
        }
        Path named = p.resolve(p.getFileName() + ".core");
        if (Files.isRegularFile(named)) {
            return named;
        }
        List<Path> cores = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(p, "*.core")) {
            ds.forEach(cores::add);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + p, e);
        }
        if (cores.size() != 1) {
            throw new IllegalArgumentException("no overlay package at " + p + ": expected " + named.getFileName()
                    + " or exactly one .core, found " + (cores.isEmpty() ? "none" : cores.stream()
                            .map(c -> c.getFileName().toString()).sorted().toList()));
        }
        return cores.get(0);
    }

    /** The package's folder, an absolute path. */
    public Path folder() {
        return folder;
    }

    /** The core, as read. */
    public Core core() {
        return core;
    }

    /** The core's VLNV, e.g. {@code jynq:overlays:dsp_loopback:1.0}. */
    public CoreVlnv vlnv() {
        return core.name();
    }

    /** The overlay's name: the name part of the VLNV, e.g. {@code dsp_loopback}. */
    public String name() {
        return core.name().name();
    }

    /** The core's one-line description, or empty. */
    public String description() {
        return core.sections().description();
    }

    /** Every file the default target names, in core order. */
    public List<PackageFile> files() {
        return files;
    }

    /** IP instance to the FuseSoC core that simulates it from RTL ({@code file_type: rtlCore}), in core order. */
    public java.util.Map<String, Path> rtlCores() {
        java.util.Map<String, Path> m = new java.util.LinkedHashMap<>();
        filesOf(FileRole.RTL_CORE).forEach(f -> m.put(f.library(), f.path()));
        return m;
    }

    /** The files of one role, in core order. */
    public List<PackageFile> filesOf(FileRole role) {
        return files.stream().filter(f -> f.role() == role).toList();
    }

    /** The bitstream ({@code .bit} or {@code .bin}). */
    public Path bitstream() {
        return filesOf(FileRole.BITSTREAM).get(0).path();
    }

    /** The {@code .hwh} the core names, else the bitstream's sibling with the same stem. */
    public Path hwh() {
        List<PackageFile> h = filesOf(FileRole.METADATA);
        if (!h.isEmpty()) {
            return h.get(0).path();
        }
        String n = bitstream().getFileName().toString();
        return bitstream().resolveSibling(n.substring(0, n.length() - 4) + ".hwh");
    }

    /** The C sources and headers of {@code library}, in core order. */
    public List<PackageFile> nativeFiles(String library) {
        return files.stream().filter(f -> f.library().equals(library)).toList();
    }

    /** The names of the native libraries the C sources build, in core order. */
    public List<String> libraries() {
        return files.stream().map(PackageFile::library).filter(l -> !l.isEmpty()).distinct().toList();
    }

    /**
     * Every device description file, parsed and validated (on first call, then kept).
     *
     * @throws io.jynq.d2l.D2lException at the first problem, with file, line and column
     * @throws CapiException if two files describe a device of the same name
     */
    public List<D2lFile> devices() {
        List<D2lFile> d = devices;
        if (d == null) {
            List<D2lFile> parsed = new ArrayList<>();
            Map<String, PackageFile> seen = new LinkedHashMap<>();
            for (PackageFile f : filesOf(FileRole.DEVICE_DESCRIPTION)) {
                D2lFile file = D2lParser.parse(f.path());
                for (DeviceDescription dd : file.devices()) {
                    PackageFile before = seen.put(dd.name(), f);
                    if (before != null) {
                        throw new CapiException(f.at(), "device " + dd.name() + " is described in both "
                                + before.path().getFileName() + " and " + f.path().getFileName());
                    }
                }
                parsed.add(file);
            }
            d = List.copyOf(parsed);
            devices = d;
        }
        return d;
    }

    /**
     * The device called {@code name} from the package's device descriptions.
     *
     * @throws IllegalArgumentException listing the devices there are, if none is called that
     * @throws io.jynq.d2l.D2lException if a description is invalid
     */
    public DeviceDescription device(String name) {
        List<String> names = new ArrayList<>();
        for (D2lFile f : devices()) {
            for (DeviceDescription d : f.devices()) {
                if (d.name().equals(name)) {
                    return d;
                }
                names.add(d.name());
            }
        }
        throw new IllegalArgumentException("overlay package " + name() + " has no device \"" + name + "\"; devices: "
                + (names.isEmpty() ? "none (it names no .d2l.yaml)" : String.join(", ", names)));
    }

    /** One line, e.g. {@code OverlayPackage[jynq:overlays:dsp_loopback:1.0, 6 files]}. */
    @Override
    public String toString() {
        return "OverlayPackage[" + vlnv() + ", " + files.size() + " files]";
    }
}
