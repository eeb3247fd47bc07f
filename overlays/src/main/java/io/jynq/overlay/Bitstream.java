package io.jynq.overlay;

import io.jynq.device.Device;
import io.jynq.metadata.OverlayMetadata;
import io.jynq.overlay.pkg.FoundOverlay;
import io.jynq.overlay.pkg.OverlayFinder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A bitstream file and the {@code .hwh} that describes it (PYNQ's {@code Bitstream}), found by
 * path or name through {@link OverlayFinder} ({@link #find}) or given ({@link #of}).
 */
public final class Bitstream {
    private final Path bitfile;
    private final Path hwh;
    /** IP instance to RTL core, from the overlay package the bitstream came in (empty otherwise). */
    private java.util.Map<String, Path> rtlCores = java.util.Map.of();
    private Path packageFolder;

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
     * Finds a bitstream by path or name, in {@link OverlayFinder}'s order: {@code "base.bit"},
     * {@code "dsp_loopback"}, a package name or VLNV (then the package's bitstream and
     * {@code .hwh}), or a path.
     *
     * @param hwh an explicit {@code .hwh}, or null for the one found with the bitstream
     * @throws IllegalArgumentException listing the places searched, if none holds it, or if the
     *                                  {@code .hwh} does not exist
     * @throws io.jynq.capi.CapiException if a package found has an invalid core
     * @throws java.io.UncheckedIOException if a bundled overlay cannot be extracted
     */
    public static Bitstream find(String pathOrName, Path hwh) {
        Objects.requireNonNull(pathOrName, "pathOrName");
        FoundOverlay found = OverlayFinder.standard().find(pathOrName);
        Bitstream b = of(found.bitstream(), hwh != null ? hwh : found.hwh());
        found.pkg().ifPresent(p -> {
            b.rtlCores = p.rtlCores();
            b.packageFolder = p.folder();
        });
        return b;
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
        rtlCores.forEach((ip, core) -> device.simulateRtl(ip, core, java.util.List.of(packageFolder)));
    }

    /**
     * Programs the active device's PL with this bitstream (PYNQ's {@code Bitstream("x.bit").download()}),
     * its {@code .hwh} parsed (or taken from the cache). Unlike {@link Overlay#download()} it sets no
     * clocks and hands out no drivers.
     *
     * @throws IllegalStateException if this bitstream has no {@code .hwh}
     * @throws io.jynq.metadata.MetadataException if the {@code .hwh} is malformed
     * @throws io.jynq.device.DeviceException if the device refuses; the PL state is unchanged
     */
    public void download() {
        if (hwh == null) {
            throw new IllegalStateException("no .hwh known for " + bitfile + "; use Bitstream.of(bit, hwh)");
        }
        download(Device.active(), io.jynq.metadata.MetadataCache.shared().get(hwh));
    }

    @Override
    public String toString() {
        return "Bitstream[" + bitfile + "]";
    }
}
