package io.jynq.overlay.pkg;

import io.jynq.config.JynqConfig;
import io.jynq.config.Setting;
import io.jynq.capi.CapiException;
import io.jynq.capi.Core;
import io.jynq.capi.CoreVlnv;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds overlay packages by folder or core name, in the order {@code Overlay.load} searches:
 * <ol>
 * <li>the path as given: a {@code .core} file or a folder holding one (relative to the working directory);
 * <li>the working directory: {@code ./<name>/}, else a sub-folder whose core's name is {@code name};
 * <li>the packages bundled on the class path ({@code io/jynq/overlays/<name>/}), extracted to the cache;
 * <li>each directory of {@code JYNQ_OVERLAY_PATH} ({@code File.pathSeparator}-separated):
 *     {@code <dir>/<name>/}, else a sub-folder whose core's name is {@code name}.
 * </ol>
 * At each place a bare bitstream, as {@code Bitstream.find} looks for one ({@code <name>.bit} or
 * {@code <name>/<name>.bit} without a core), comes before the later places: {@link #find} then
 * returns empty so the caller loads that bitstream, and the search order stays that of bitstreams.
 * A core's name matches {@code name} when {@code name} is its VLNV's name part
 * ({@code dsp_loopback}) or its whole VLNV ({@code jynq:overlays:dsp_loopback:1.0}).
 * <pre>{@code
 * OverlayPackage p = OverlayPackages.find("dsp_loopback").orElseThrow();
 * p.bitstream();                                     // .../dsp_loopback/dsp_loopback.bit
 * OverlayPackages.list().forEach(System.out::println); // what %overlays shows
 * }</pre>
 */
public final class OverlayPackages {
    private OverlayPackages() {}

    /**
     * The package {@code nameOrPath} names, searched in the order of the class comment; empty when
     * no place holds one (the caller may then look for a bare bitstream).
     *
     * @throws CapiException            if the package found has an invalid core or misses a file
     * @throws IllegalArgumentException if a folder given as a path holds several cores
     */
    public static Optional<OverlayPackage> find(String nameOrPath) {
        return find(nameOrPath, Path.of("").toAbsolutePath(), overlayPath());
    }

    /** {@link #find(String)} with the working directory and {@code JYNQ_OVERLAY_PATH} given (for tests). */
    static Optional<OverlayPackage> find(String nameOrPath, Path workingDir, List<Path> overlayPath) {
        Path given = workingDir.resolve(nameOrPath);
        if (isPackage(given)) {
            return Optional.of(OverlayPackage.open(given));
        }
        // At each place a bare bitstream (Bitstream.find's rules) wins over a package found later.
        if (Files.isRegularFile(given) || bareBitstream(workingDir, nameOrPath)) {
            return Optional.empty();
        }
        Optional<OverlayPackage> p = findIn(workingDir, nameOrPath);
        if (p.isPresent()) {
            return p;
        }
        if (BundledPackages.exists(nameOrPath)) {
            return Optional.of(BundledPackages.extract(nameOrPath));
        }
        if (BundledPackages.hasBareBitstream(nameOrPath)) {
            return Optional.empty();
        }
        for (String b : nameOrPath.contains(":") ? BundledPackages.names() : List.<String>of()) {
            if (matches(BundledPackages.core(b).name(), nameOrPath)) {
                return Optional.of(BundledPackages.extract(b));
            }
        }
        for (Path dir : overlayPath) {
            p = findIn(dir, nameOrPath);
            if (p.isPresent() || bareBitstream(dir, nameOrPath)) {
                return p;
            }
        }
        return Optional.empty();
    }

    /** Whether {@code dir} holds {@code <name>.bit} or {@code <name>/<name>.bit}, as Bitstream.find looks. */
    private static boolean bareBitstream(Path dir, String name) {
        if (!name.matches("[A-Za-z0-9_.-]+")) {
            return false;
        }
        String stem = name.endsWith(".bit") ? name.substring(0, name.length() - 4) : name;
        return Files.isRegularFile(dir.resolve(stem + ".bit")) || Files.isRegularFile(dir.resolve(stem).resolve(stem + ".bit"));
    }

    /**
     * The package {@code nameOrPath} names.
     *
     * @throws IllegalArgumentException listing the places searched, if none holds it
     */
    public static OverlayPackage get(String nameOrPath) {
        return find(nameOrPath).orElseThrow(() -> new IllegalArgumentException("no overlay package \"" + nameOrPath
                + "\": looked at " + Path.of(nameOrPath).toAbsolutePath() + ", the working directory, the bundled packages "
                + BundledPackages.names() + " and JYNQ_OVERLAY_PATH "
                + (overlayPath().isEmpty() ? "(not set)" : overlayPath())));
    }

    /**
     * The package a bitstream belongs to: the package in the bitstream's folder whose core names
     * it, else empty. A bundled package's other files are extracted beside it first.
     *
     * @throws CapiException if that folder's core is invalid or misses a file
     */
    public static Optional<OverlayPackage> forBitstream(Path bitfile) {
        Path bit = bitfile.toAbsolutePath().normalize();
        Path folder = bit.getParent();
        String stem = bit.getFileName().toString().replaceFirst("\\.(bit|bin)$", "");
        if (folder.equals(BundledPackages.folder(stem).toAbsolutePath().normalize()) && BundledPackages.exists(stem)) {
            BundledPackages.extract(stem);
        }
        for (Path core : cores(folder)) {
            OverlayPackage p = OverlayPackage.open(core);
            if (p.bitstream().equals(bit)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /**
     * Every package in the working directory's sub-folders, bundled, and in the
     * {@code JYNQ_OVERLAY_PATH} directories' sub-folders (what {@code %overlays} lists). A folder
     * whose core cannot be read is listed with its problem rather than hidden.
     */
    public static List<PackageSummary> list() {
        return list(Path.of("").toAbsolutePath(), overlayPath());
    }

    /** {@link #list()} with the working directory and {@code JYNQ_OVERLAY_PATH} given (for tests). */
    static List<PackageSummary> list(Path workingDir, List<Path> overlayPath) {
        List<PackageSummary> out = new ArrayList<>();
        listIn(workingDir, out);
        for (String b : BundledPackages.names()) {
            String where = "classpath:" + BundledPackages.ROOT + b;
            try {
                Core c = BundledPackages.core(b);
                out.add(new PackageSummary(c.name().name(), c.name().toString(), c.sections().description(), where, ""));
            } catch (CapiException e) {
                out.add(new PackageSummary(b, "", "", where, e.getMessage()));
            }
        }
        for (Path dir : overlayPath) {
            listIn(dir, out);
        }
        return out;
    }

    private static void listIn(Path dir, List<PackageSummary> out) {
        for (Path sub : subfolders(dir)) {
            for (Path core : cores(sub)) {
                try {
                    OverlayPackage p = OverlayPackage.open(core);
                    out.add(new PackageSummary(p.name(), p.vlnv().toString(), p.description(), sub.toString(), ""));
                } catch (CapiException | IllegalArgumentException e) {
                    out.add(new PackageSummary(sub.getFileName().toString(), "", "", sub.toString(), e.getMessage()));
                }
            }
        }
    }

    private static Optional<OverlayPackage> findIn(Path dir, String name) {
        if (name.matches("[A-Za-z0-9_.-]+") && isPackage(dir.resolve(name))) {
            return Optional.of(OverlayPackage.open(dir.resolve(name)));
        }
        for (Path sub : subfolders(dir)) {
            for (Path core : cores(sub)) {
                CoreVlnv vlnv;
                try {
                    vlnv = Core.parse(core).name();
                } catch (CapiException | UncheckedIOException e) {
                    continue; // a broken core elsewhere must not hide the one asked for; list() reports it
                }
                if (matches(vlnv, name)) {
                    return Optional.of(OverlayPackage.open(core));
                }
            }
        }
        return Optional.empty();
    }

    static boolean matches(CoreVlnv vlnv, String name) {
        return vlnv.name().equals(name) || vlnv.toString().equals(name);
    }

    private static boolean isPackage(Path p) {
        return Files.isRegularFile(p) && p.getFileName().toString().endsWith(".core")
                || Files.isDirectory(p) && !cores(p).isEmpty();
    }

    private static List<Path> cores(Path dir) {
        return entries(dir, "*.core", false);
    }

    private static List<Path> subfolders(Path dir) {
        return entries(dir, "*", true);
    }

    private static List<Path> entries(Path dir, String glob, boolean folders) {
        List<Path> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, glob)) {
            for (Path p : ds) {
                if (folders ? Files.isDirectory(p) : Files.isRegularFile(p)) {
                    out.add(p);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
        out.sort(null);
        return out;
    }

    private static List<Path> overlayPath() {
        return JynqConfig.current().pathList(Setting.OVERLAY_PATH);
    }
}
