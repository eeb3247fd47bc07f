package io.jynq.overlay.pkg;

import io.jynq.config.JynqConfig;
import io.jynq.config.Setting;
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
 * Overlay packages shipped on the class path under {@code io/jynq/overlays/<name>/<name>.core},
 * listed one name a line in {@code io/jynq/overlays/packages.list}. A bundled package is extracted
 * on first use, every file its core names, into the same cache folder as
 * {@code io.jynq.overlay.Bitstream} extracts a bundled bitstream to:
 * {@code <cache>/overlays/<name>/}, where the cache is {@code -Djynq.cache.dir}, else
 * {@code $JYNQ_CACHE_DIR}, else {@code ~/.jynq/cache}.
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

    /** Whether the class path has a package called {@code name}. */
    static boolean exists(String name) {
        return name.matches("[A-Za-z0-9_.-]+") && loader().getResource(coreResource(name)) != null;
    }

    /** Whether the class path has a bitstream {@code name} without a core (a bundled overlay that is not a package). */
    static boolean hasBareBitstream(String name) {
        return name.matches("[A-Za-z0-9_.-]+") && loader().getResource(ROOT + name + "/" + name + ".bit") != null
                && loader().getResource(coreResource(name)) == null;
    }

    /** The bundled core, read from the class path (errors name {@code classpath:io/jynq/...}). */
    static Core core(String name) {
        return Core.parse(new String(read(coreResource(name)), StandardCharsets.UTF_8), "classpath:" + coreResource(name));
    }

    /** Where a bundled package is extracted. */
    static Path folder(String name) {
        return cacheDir().resolve("overlays").resolve(name);
    }

    /**
     * Extracts the package (the core and every file of every fileset) unless the cache already holds
     * the same bytes, and opens it.
     *
     * @throws UncheckedIOException if a file cannot be written
     * @throws IllegalStateException if the core names a file the class path lacks
     */
    static OverlayPackage extract(String name) {
        Core core = core(name);
        Path dir = folder(name);
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
        return OverlayPackage.open(dir.resolve(name + ".core"));
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

    private static String coreResource(String name) {
        return ROOT + name + "/" + name + ".core";
    }

    private static ClassLoader loader() {
        return BundledPackages.class.getClassLoader();
    }

    /** Must agree with {@code Bitstream.cacheDir()}, so the bitstream and its package share a folder. */
    static Path cacheDir() {
        return JynqConfig.current().cacheDir();
    }
}
