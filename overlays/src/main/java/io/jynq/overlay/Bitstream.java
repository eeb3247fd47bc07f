package io.jynq.overlay;

import io.jynq.config.JynqConfig;
import io.jynq.config.Setting;
import io.jynq.device.Device;
import io.jynq.metadata.OverlayMetadata;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A bitstream file and the {@code .hwh} beside it, found by path or name (PYNQ's
 * {@code Bitstream}). {@link #find} looks, in order:
 * <ol>
 * <li>at the path as given, with or without {@code .bit} (relative paths start at the working directory);
 * <li>in the working directory's {@code <name>/<name>.bit};
 * <li>among the overlays bundled on the class path ({@code io/jynq/overlays/<name>/<name>.bit}),
 *     extracted on first use to the cache directory ({@code -Djynq.cache.dir} or {@code JYNQ_CACHE_DIR}, default
 *     {@code ~/.jynq/cache}) under {@code overlays/<name>/};
 * <li>in each directory of {@code JYNQ_OVERLAY_PATH} (separated by {@code File.pathSeparator}):
 *     {@code <dir>/<name>.bit}, then {@code <dir>/<name>/<name>.bit}.
 * </ol>
 * The {@code .hwh} is the file with the bitstream's stem and suffix {@code .hwh} in the same directory.
 */
public final class Bitstream {
    /** Files extracted with a bundled overlay, besides the {@code .bit}: metadata and package files. */
    private static final List<String> BUNDLED_SUFFIXES = List.of(".hwh", ".d2l.yaml", ".core", ".md");

    private final Path bitfile;
    private final Path hwh;

    private Bitstream(Path bitfile, Path hwh) {
        this.bitfile = bitfile.toAbsolutePath().normalize();
        this.hwh = hwh == null ? null : hwh.toAbsolutePath().normalize();
    }

    /**
     * A bitstream at known paths.
     *
     * @param hwh the metadata file, or null for the sibling {@code <stem>.hwh}
     * @throws IllegalArgumentException if a file does not exist
     */
    public static Bitstream of(Path bitfile, Path hwh) {
        if (!Files.isRegularFile(bitfile)) {
            throw new IllegalArgumentException("bitstream not found: " + bitfile.toAbsolutePath());
        }
        Path h = hwh == null ? sibling(bitfile, ".hwh") : hwh;
        if (!Files.isRegularFile(h)) {
            throw new IllegalArgumentException("no .hwh for " + bitfile.toAbsolutePath() + ": " + h.toAbsolutePath()
                    + " does not exist; put the .hwh beside the .bit or pass LoadOptions.withHwh(path)");
        }
        return new Bitstream(bitfile, h);
    }

    /** A bitstream whose metadata the caller already has; {@code hwh} may be null. */
    static Bitstream withoutHwh(Path bitfile, Path hwh) {
        return new Bitstream(bitfile, hwh);
    }

    /**
     * Finds a bitstream by path or name, in the order of the class comment.
     *
     * @param hwh an explicit {@code .hwh}, or null for the sibling one
     * @throws IllegalArgumentException listing the places searched, if none holds it
     * @throws UncheckedIOException if a bundled overlay cannot be extracted
     */
    public static Bitstream find(String pathOrName, Path hwh) {
        Objects.requireNonNull(pathOrName, "pathOrName");
        String stem = stemOf(pathOrName);
        List<Path> looked = new ArrayList<>();
        Path given = Path.of(pathOrName);
        for (Path p : List.of(given, Path.of(pathOrName + ".bit"), given.resolve(stem + ".bit"))) {
            looked.add(p.toAbsolutePath());
            if (Files.isRegularFile(p)) {
                return of(p, hwh);
            }
        }
        Path bundled = extractBundled(stem);
        looked.add(Path.of("classpath:io/jynq/overlays/" + stem + "/" + stem + ".bit"));
        if (bundled != null) {
            return of(bundled, hwh);
        }
        List<Path> overlayPath = JynqConfig.current().pathList(Setting.OVERLAY_PATH);
        {
            for (Path dir : overlayPath) {
                for (Path p : List.of(dir.resolve(stem + ".bit"), dir.resolve(stem).resolve(stem + ".bit"))) {
                    looked.add(p.toAbsolutePath());
                    if (Files.isRegularFile(p)) {
                        return of(p, hwh);
                    }
                }
            }
        }
        throw new IllegalArgumentException("overlay \"" + pathOrName + "\" not found; looked at " + looked
                + (overlayPath.isEmpty() ? " (JYNQ_OVERLAY_PATH is not set)" : ""));
    }

    private static String stemOf(String pathOrName) {
        Path f = Path.of(pathOrName).getFileName();
        String n = f == null ? pathOrName : f.toString();
        return n.endsWith(".bit") ? n.substring(0, n.length() - 4) : n;
    }

    private static Path sibling(Path bitfile, String suffix) {
        String n = bitfile.getFileName().toString();
        String stem = n.endsWith(".bit") || n.endsWith(".bin") ? n.substring(0, n.length() - 4) : n;
        return bitfile.resolveSibling(stem + suffix);
    }

    /** Extracts a bundled overlay to the cache if the class path has it; returns its {@code .bit} or null. */
    private static Path extractBundled(String stem) {
        if (!stem.matches("[A-Za-z0-9_.-]+")) {
            return null;
        }
        String base = "io/jynq/overlays/" + stem + "/" + stem;
        ClassLoader cl = Bitstream.class.getClassLoader();
        if (cl.getResource(base + ".bit") == null) {
            return null;
        }
        Path dir = cacheDir().resolve("overlays").resolve(stem);
        try {
            Files.createDirectories(dir);
            List<String> suffixes = new ArrayList<>(List.of(".bit"));
            suffixes.addAll(BUNDLED_SUFFIXES);
            for (String suffix : suffixes) {
                try (InputStream in = cl.getResourceAsStream(base + suffix)) {
                    if (in == null) {
                        continue;
                    }
                    byte[] bytes = in.readAllBytes();
                    Path target = dir.resolve(stem + suffix);
                    if (!Files.isRegularFile(target) || !Arrays.equals(Files.readAllBytes(target), bytes)) {
                        // Write then rename, so a concurrent loader never reads half a file.
                        Path tmp = Files.createTempFile(dir, stem, ".tmp");
                        Files.write(tmp, bytes);
                        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot extract bundled overlay " + stem + " to " + dir, e);
        }
        return dir.resolve(stem + ".bit");
    }

    /** {@code -Djynq.cache.dir}, else {@code JYNQ_CACHE_DIR}, else {@code ~/.jynq/cache}. */
    static Path cacheDir() {
        return JynqConfig.current().cacheDir();
    }

    /** The bitstream, an absolute path. */
    public Path bitfile() {
        return bitfile;
    }

    /** The metadata file, an absolute path. */
    public Path hwh() {
        return hwh;
    }

    /** The overlay's name: the bitstream's file name without {@code .bit}. */
    public String name() {
        return stemOf(bitfile.getFileName().toString());
    }

    /**
     * Programs {@code device}'s PL with this bitstream (full, not partial).
     *
     * @throws io.jynq.device.DeviceException if the device refuses; the PL state is unchanged
     */
    public void download(Device device, OverlayMetadata metadata) {
        device.download(bitfile, metadata, false);
    }

    @Override
    public String toString() {
        return "Bitstream[" + bitfile + "]";
    }
}
