package io.jynq.overlay.pkg;

import io.jynq.capi.CapiException;
import io.jynq.capi.Core;
import io.jynq.capi.CoreVlnv;
import io.jynq.config.JynqConfig;
import io.jynq.config.Setting;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The one place that finds overlays, for {@code Overlay.load}, {@code Bitstream.find},
 * {@code %overlay load}, {@code %overlays} and {@code ./jynq overlays}. Like PYNQ's
 * {@code Bitstream} ({@code pynq/bitstream.py}), a request is either a path, used as given, or a
 * name looked up in a list of overlay folders.
 *
 * <p><b>A path</b> (it holds a {@code /}, or is a file or folder relative to the working
 * directory): a {@code .core} file or a folder holding one is an overlay package; a {@code .bit}
 * or {@code .bin} file a bitstream; else {@code PATH.bit}, else {@code PATH/<last part>.bit}.
 *
 * <p><b>A name</b> ({@code dsp_loopback}, a file name {@code base.bit}, or a whole VLNV
 * {@code jynq:overlays:dsp_loopback:1.0}) is looked up in these folders, first match wins:
 * <ol>
 * <li>the working directory;
 * <li>the overlays bundled with JYNQ (class path {@code io/jynq/overlays/<name>/}, extracted on
 *     first use to {@code <cache>/overlays/<name>/}, see {@link Setting#CACHE_DIR});
 * <li>each folder of {@code JYNQ_OVERLAY_PATH} ({@code :}-separated), in order;
 * <li>the installed overlay folders: {@code ~/.jynq/overlays}, then PYNQ's own under the board
 *     root ({@code JYNQ_BOARD_ROOT}, default {@code /}):
 *     {@code usr/local/share/pynq-venv/lib/python3.* /site-packages/pynq/overlays} (PYNQ 3) and
 *     {@code home/xilinx/pynq/overlays} (PYNQ 2).
 * </ol>
 * In each folder {@code D}, for a name with stem {@code S} ({@code base} for {@code base.bit}):
 * {@code D/S/} holding a {@code .core} (a package, whatever its bitstream is called), else
 * {@code D/S/S.bit} (PYNQ's {@code <dir>/<stem>/<name>}), else {@code D/S.bit} (PYNQ's
 * {@code <dir>/<name>}), else a sub-folder of {@code D} whose core's VLNV name, or whole VLNV,
 * is the name. {@link #list()} walks the same folders in the same order.
 * <pre>{@code
 * FoundOverlay f = OverlayFinder.standard().find("dsp_loopback");
 * f.bitstream();                               // .../cache/overlays/dsp_loopback/dsp_loopback.bit
 * f.pkg().orElseThrow().vlnv();                // jynq:overlays:dsp_loopback:1.0
 * OverlayFinder.standard().list();             // what %overlays and ./jynq overlays print
 * }</pre>
 */
public final class OverlayFinder {
    /** A name (not a path) of an overlay or bitstream file: what can be looked up in a folder. */
    static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]+");
    private static final String BUNDLED = "bundled";
    private static final String WORKING = "working directory";
    private static final String OVERLAY_PATH = "JYNQ_OVERLAY_PATH";
    private static final String INSTALLED = "installed";

    private final Path workingDir;
    private final List<Path> overlayPath;
    private final List<Path> installed;

    private OverlayFinder(Path workingDir, List<Path> overlayPath, List<Path> installed) {
        this.workingDir = workingDir.toAbsolutePath().normalize();
        this.overlayPath = List.copyOf(overlayPath);
        this.installed = List.copyOf(installed);
    }

    /**
     * The finder of this process: the working directory, {@code JYNQ_OVERLAY_PATH} and the
     * installed folders that exist.
     *
     * @throws io.jynq.config.InvalidSettingException if {@code JYNQ_OVERLAY_PATH} holds an invalid path
     */
    public static OverlayFinder standard() {
        JynqConfig config = JynqConfig.current();
        List<Path> installed = new ArrayList<>(List.of(config.jynqHome().resolve("overlays")));
        Path root = config.path(Setting.BOARD_ROOT).orElse(Path.of("/"));
        Path venvLib = root.resolve("usr/local/share/pynq-venv/lib");
        for (Path python : entries(venvLib, "python3*", true)) {
            installed.add(python.resolve("site-packages/pynq/overlays"));
        }
        installed.add(root.resolve("home/xilinx/pynq/overlays"));
        return new OverlayFinder(Path.of(""), config.pathList(Setting.OVERLAY_PATH), installed);
    }

    /** A finder over the given folders (tests, tools). */
    public static OverlayFinder of(Path workingDir, List<Path> overlayPath, List<Path> installed) {
        return new OverlayFinder(workingDir, overlayPath, installed);
    }

    /**
     * The overlay {@code request} names, in the order of the class comment.
     *
     * @throws IllegalArgumentException listing the places searched, if none holds it; or if a
     *                                  folder given as a path holds several cores
     * @throws CapiException            if the package found has an invalid core or misses a file
     * @throws UncheckedIOException     if a folder cannot be read or a bundled overlay extracted
     */
    public FoundOverlay find(String request) {
        return lookup(request).orElseThrow(() -> new IllegalArgumentException("overlay \"" + request
                + "\" not found; looked " + (isName(request) ? "in " + describePlaces() : "at " + workingDir.resolve(request))));
    }

    /** {@link #find}, or empty when no place holds it. */
    public Optional<FoundOverlay> lookup(String request) {
        if (request.isBlank()) {
            return Optional.empty();
        }
        Path given = workingDir.resolve(request);
        if (Files.isRegularFile(given) || !isName(request)) {
            return atPath(given); // a file given by name (x.bit, x.core) is used as given, as PYNQ does
        }
        Optional<FoundOverlay> found = inFolder(workingDir, request, WORKING);
        if (found.isEmpty()) {
            found = bundled(request);
        }
        for (Path d : overlayPath) {
            found = found.or(() -> inFolder(d, request, OVERLAY_PATH));
        }
        for (Path d : installed) {
            found = found.or(() -> inFolder(d, request, INSTALLED));
        }
        return found;
    }

    /**
     * Every overlay in the places of the class comment, in search order: packages (one per core)
     * and bitstreams without a package. A folder whose core cannot be read is listed with its
     * problem rather than hidden.
     */
    public List<OverlaySummary> list() {
        List<OverlaySummary> out = new ArrayList<>();
        listFolder(workingDir, out);
        for (String b : BundledPackages.names()) {
            out.add(BundledPackages.summary(b));
        }
        overlayPath.forEach(d -> listFolder(d, out));
        installed.forEach(d -> listFolder(d, out));
        return out;
    }

    /** The search order in words, for messages: each place and its folders. */
    public String describePlaces() {
        return "the " + WORKING + " " + workingDir + ", the " + BUNDLED + " overlays " + BundledPackages.names() + ", "
                + OVERLAY_PATH + " " + (overlayPath.isEmpty() ? "(not set)" : overlayPath.toString())
                + " and the " + INSTALLED + " folders " + installed;
    }

    /**
     * The package a bitstream belongs to: the package in the bitstream's folder whose core names
     * it, else empty. A bundled package's other files are extracted beside it first.
     *
     * @throws CapiException if that folder's core is invalid or misses a file
     */
    public static Optional<OverlayPackage> packageOf(Path bitfile) {
        Path bit = bitfile.toAbsolutePath().normalize();
        Path folder = bit.getParent();
        String stem = stem(bit.getFileName().toString());
        if (folder.equals(BundledPackages.folder(stem).toAbsolutePath().normalize()) && BundledPackages.isPackage(stem)) {
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

    /** A file name without {@code .bit} or {@code .bin}. */
    static String stem(String fileName) {
        return fileName.endsWith(".bit") || fileName.endsWith(".bin") ? fileName.substring(0, fileName.length() - 4) : fileName;
    }

    /** The bitstream file a name means: {@code base.bit} as is, {@code base} as {@code base.bit}. */
    private static String bitFileName(String name) {
        return name.endsWith(".bit") || name.endsWith(".bin") ? name : name + ".bit";
    }

    /** A name or VLNV to look up in folders, rather than a path to use as given. */
    private boolean isName(String request) {
        boolean vlnv = request.contains(":") && !request.contains("/");
        return vlnv || NAME.matcher(request).matches() && !request.equals(".") && !request.equals("..");
    }

    private static Optional<FoundOverlay> atPath(Path p) {
        if (Files.isRegularFile(p)) {
            return Optional.of(p.getFileName().toString().endsWith(".core") ? FoundOverlay.of(OverlayPackage.open(p), "path")
                    : FoundOverlay.bitstream(p, "path"));
        }
        if (Files.isDirectory(p) && !cores(p).isEmpty()) {
            return Optional.of(FoundOverlay.of(OverlayPackage.open(p), "path"));
        }
        Path withSuffix = p.resolveSibling(p.getFileName() + ".bit");
        if (Files.isRegularFile(withSuffix)) {
            return Optional.of(FoundOverlay.bitstream(withSuffix, "path"));
        }
        Path inside = p.resolve(bitFileName(p.getFileName().toString()));
        return Files.isRegularFile(inside) ? Optional.of(FoundOverlay.bitstream(inside, "path")) : Optional.empty();
    }

    private static Optional<FoundOverlay> inFolder(Path dir, String name, String place) {
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        if (NAME.matcher(name).matches()) {
            String stem = stem(name);
            Path sub = dir.resolve(stem);
            if (Files.isDirectory(sub) && !cores(sub).isEmpty()) {
                return Optional.of(FoundOverlay.of(OverlayPackage.open(sub), place));
            }
            for (Path bit : List.of(sub.resolve(bitFileName(name)), dir.resolve(bitFileName(name)))) {
                if (Files.isRegularFile(bit)) {
                    return Optional.of(FoundOverlay.bitstream(bit, place));
                }
            }
        }
        for (Path sub : entries(dir, "*", true)) {
            for (Path core : cores(sub)) {
                CoreVlnv vlnv;
                try {
                    vlnv = Core.parse(core).name();
                } catch (CapiException | UncheckedIOException e) {
                    continue; // a broken core elsewhere must not hide the one asked for; list() reports it
                }
                if (matches(vlnv, name)) {
                    return Optional.of(FoundOverlay.of(OverlayPackage.open(core), place));
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<FoundOverlay> bundled(String name) {
        String stem = stem(name);
        if (NAME.matcher(name).matches() && BundledPackages.exists(stem)) {
            return Optional.of(BundledPackages.extract(stem));
        }
        for (String b : BundledPackages.names()) {
            if (BundledPackages.isPackage(b) && matches(BundledPackages.core(b).name(), name)) {
                return Optional.of(BundledPackages.extract(b));
            }
        }
        return Optional.empty();
    }

    static boolean matches(CoreVlnv vlnv, String name) {
        return vlnv.name().equals(name) || vlnv.toString().equals(name);
    }

    private static void listFolder(Path dir, List<OverlaySummary> out) {
        for (Path sub : entries(dir, "*", true)) {
            List<Path> cores = cores(sub);
            for (Path core : cores) {
                try {
                    OverlayPackage p = OverlayPackage.open(core);
                    out.add(new OverlaySummary(p.name(), p.vlnv().toString(), p.description(), sub.toString(), ""));
                } catch (CapiException | IllegalArgumentException | UncheckedIOException e) {
                    out.add(new OverlaySummary(sub.getFileName().toString(), "", "", sub.toString(), e.getMessage()));
                }
            }
            Path bit = sub.resolve(sub.getFileName() + ".bit");
            if (cores.isEmpty() && Files.isRegularFile(bit)) {
                out.add(bareSummary(bit));
            }
        }
        for (Path bit : entries(dir, "*.{bit,bin}", false)) {
            out.add(bareSummary(bit));
        }
    }

    /** A bitstream without a package: its name, and whether its {@code .hwh} is beside it. */
    private static OverlaySummary bareSummary(Path bit) {
        Path hwh = FoundOverlay.sibling(bit);
        String name = stem(bit.getFileName().toString());
        return Files.isRegularFile(hwh) ? new OverlaySummary(name, "", "bitstream and .hwh, no package", bit.getParent().toString(), "")
                : new OverlaySummary(name, "", "", bit.getParent().toString(), "no " + hwh.getFileName() + " beside " + bit.getFileName());
    }

    private static List<Path> cores(Path dir) {
        return entries(dir, "*.core", false);
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
}
