package io.jynq.overlay.pkg;

import io.jynq.config.JynqConfig;
import io.jynq.capi.CapiException;
import io.jynq.capi.Core;
import io.jynq.capi.FileEntry;
import io.jynq.capi.Fileset;
import io.jynq.capi.Flags;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Overlays shipped on the class path under {@code io/jynq/overlays/<name>/}: a package
 * ({@code <name>.core}) or a bare {@code <name>.bit} with its {@code .hwh}, listed one name a line
 * in {@code io/jynq/overlays/packages.list}. {@link OverlayFinder} extracts one on first use to
 * {@code <cache>/overlays/<name>/} ({@link io.jynq.config.JynqConfig#cacheDir()}), because
 * gcc, the FPGA Manager and the simulator need real files.
 */
final class BundledPackages {
    static final String ROOT = "io/jynq/overlays/";
    private static final String INDEX = ROOT + "packages.list";

    private BundledPackages() {}

    /** The names in the index and any other class-path index of the same name, in order. */
    static List<String> names() {
        Set<String> names = new LinkedHashSet<>();
        try {
            var urls = loader().getResources(INDEX);
            while (urls.hasMoreElements()) {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(urls.nextElement().openStream(),
                        StandardCharsets.UTF_8))) {
                    r.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).forEach(names::add);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + INDEX + " from the class path", e);
        }
        return new ArrayList<>(names);
    }

    /** Whether the class path has an overlay {@code name}: a package ({@code <name>.core}) or a bare {@code <name>.bit}. */
    static boolean exists(String name) {
        return isPackage(name) || OverlayFinder.NAME.matcher(name).matches() && loader().getResource(bitResource(name)) != null;
    }

    /** Whether the class path has a package called {@code name}. */
    static boolean isPackage(String name) {
        return OverlayFinder.NAME.matcher(name).matches() && loader().getResource(coreResource(name)) != null;
    }

    /** The bundled core, read from the class path (errors name {@code classpath:io/jynq/...}). */
    static Core core(String name) {
        return Core.parse(new String(read(coreResource(name)), StandardCharsets.UTF_8), "classpath:" + coreResource(name));
    }

    /** Where a bundled package is extracted. */
    static Path folder(String name) {
        return JynqConfig.current().cacheDir().resolve("overlays").resolve(name);
    }

    /**
     * Extracts a bundled overlay unless the cache already holds the same bytes: a package, every
     * file its core names; a bare bitstream, {@code <name>.bit} and the {@code .hwh} beside it.
     *
     * @throws UncheckedIOException if a file cannot be written
     * @throws IllegalStateException if the core names a file the class path lacks
     */
    static FoundOverlay extract(String name) {
        Path dir = folder(name);
        if (!isPackage(name)) {
            try {
                write(dir.resolve(name + ".bit"), read(bitResource(name)));
                if (loader().getResource(ROOT + name + "/" + name + ".hwh") != null) {
                    write(dir.resolve(name + ".hwh"), read(ROOT + name + "/" + name + ".hwh"));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot extract bundled overlay " + name + " to " + dir, e);
            }
            return FoundOverlay.bitstream(dir.resolve(name + ".bit"), "bundled");
        }
        Core core = core(name);
        List<String> files = new ArrayList<>(List.of(name + ".core"));
        for (Fileset fs : core.sections(Flags.of()).filesets().values()) {
            for (FileEntry f : fs.files()) {
                files.add(f.name());
            }
        }
        try {
            for (String f : files) {
                Path target = dir.resolve(f).normalize();
                if (!target.startsWith(dir)) {
                    throw new IllegalStateException("bundled package " + name + " names " + f + " outside its folder");
                }
                write(target, read(ROOT + name + "/" + f));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot extract bundled overlay package " + name + " to " + dir, e);
        }
        return FoundOverlay.of(OverlayPackage.open(dir.resolve(name + ".core")), "bundled");
    }

    /** The listing line of a bundled overlay, read from the class path without extracting it. */
    static OverlaySummary summary(String name) {
        String where = "classpath:" + ROOT + name;
        if (!isPackage(name)) {
            return new OverlaySummary(name, "", exists(name) ? "bitstream, no package" : "", where,
                    exists(name) ? "" : "listed in " + INDEX + " but missing from the class path");
        }
        try {
            Core c = core(name);
            return new OverlaySummary(c.name().name(), c.name().toString(), c.sections().description(), where, "");
        } catch (CapiException e) {
            return new OverlaySummary(name, "", "", where, e.getMessage());
        }
    }

    private static void write(Path target, byte[] bytes) throws IOException {
        if (Files.isRegularFile(target) && Arrays.equals(Files.readAllBytes(target), bytes)) {
            return;
        }
        Files.createDirectories(target.getParent());
        // Write then rename, so a concurrent loader never reads half a file.
        Path tmp = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".tmp");
        Files.write(tmp, bytes);
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static byte[] read(String resource) {
        try (InputStream in = loader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("classpath:" + resource + " is missing from the bundled package");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read classpath:" + resource, e);
        }
    }

    private static String bitResource(String name) {
        return ROOT + name + "/" + name + ".bit";
    }

    private static String coreResource(String name) {
        return ROOT + name + "/" + name + ".core";
    }

    private static ClassLoader loader() {
        return BundledPackages.class.getClassLoader();
    }

}
