package io.jynq.magics;

import io.jynq.config.JynqConfig;
import io.jynq.config.Setting;
import io.jynq.metadata.HwhParser;
import io.jynq.metadata.OverlayMetadata;
import io.jynq.overlay.Bitstream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The overlays {@code Overlay.load(name)} can find, in its search order: bundled with JYNQ (on
 * the class path under {@code io/jynq/overlays/NAME/NAME.bit}), in the working directory, then in
 * each {@code JYNQ_OVERLAY_PATH} folder ({@code DIR/NAME.bit} or {@code DIR/NAME/NAME.bit}).
 */
final class OverlayCatalog {
    private static final String BUNDLED = "io/jynq/overlays/";

    /** An overlay found: its name, where ("bundled", "cwd", a folder) and a one-line description. */
    record Entry(String name, String where, String description) {
    }

    private OverlayCatalog() {
    }

    static List<Entry> find() {
        List<Entry> out = new ArrayList<>();
        for (String stem : bundledNames()) {
            out.add(new Entry(stem, "bundled", bundledDescription(stem)));
        }
        scan(Path.of(""), "cwd", out);
        for (Path dir : JynqConfig.current().pathList(Setting.OVERLAY_PATH)) {
            scan(dir, dir.toString(), out);
        }
        return out;
    }

    /** Names of the bundled overlays, read from the jar or classes folder that holds Bitstream. */
    static TreeSet<String> bundledNames() {
        TreeSet<String> names = new TreeSet<>();
        try {
            Path where = Path.of(Bitstream.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isDirectory(where)) {
                Path root = where.resolve(BUNDLED);
                if (Files.isDirectory(root)) {
                    try (Stream<Path> dirs = Files.list(root)) {
                        dirs.filter(d -> Files.isRegularFile(d.resolve(d.getFileName() + ".bit")))
                                .forEach(d -> names.add(d.getFileName().toString()));
                    }
                }
            } else {
                try (JarFile jar = new JarFile(where.toFile())) {
                    for (Enumeration<JarEntry> en = jar.entries(); en.hasMoreElements();) {
                        String n = en.nextElement().getName();
                        if (n.startsWith(BUNDLED) && n.endsWith(".bit")) {
                            String[] parts = n.substring(BUNDLED.length()).split("/");
                            if (parts.length == 2 && parts[1].equals(parts[0] + ".bit")) {
                                names.add(parts[0]);
                            }
                        }
                    }
                }
            }
        } catch (IOException | URISyntaxException | RuntimeException e) {
            // an unusual class loader: the bundled list is then empty, the others still work
        }
        return names;
    }

    /** The first heading of the bundled README after "NAME: ", else a summary of its .hwh. */
    private static String bundledDescription(String stem) {
        ClassLoader cl = Bitstream.class.getClassLoader();
        try (InputStream in = cl.getResourceAsStream(BUNDLED + stem + "/README.md")) {
            if (in != null) {
                String first = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().findFirst().orElse("");
                String heading = first.replaceFirst("^#+\\s*", "");
                int colon = heading.indexOf(": ");
                return colon >= 0 ? heading.substring(colon + 2) : heading;
            }
        } catch (IOException e) {
            // fall through to the .hwh
        }
        try (InputStream in = cl.getResourceAsStream(BUNDLED + stem + "/" + stem + ".hwh")) {
            return in == null ? "" : summary(HwhParser.parse(in.readAllBytes(), stem + ".hwh"));
        } catch (IOException | RuntimeException e) {
            return "unreadable .hwh: " + e.getMessage();
        }
    }

    private static void scan(Path dir, String where, List<Entry> out) {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : (Iterable<Path>) files.sorted()::iterator) {
                Path bit = Files.isDirectory(p) ? p.resolve(p.getFileName() + ".bit") : p;
                String n = bit.getFileName().toString();
                if (!n.endsWith(".bit") || !Files.isRegularFile(bit)) {
                    continue;
                }
                String stem = n.substring(0, n.length() - 4);
                Path hwh = bit.resolveSibling(stem + ".hwh");
                String description;
                try {
                    description = Files.isRegularFile(hwh) ? summary(HwhParser.parse(hwh)) : "no " + stem + ".hwh beside it";
                } catch (RuntimeException e) {
                    description = "unreadable .hwh: " + e.getMessage();
                }
                out.add(new Entry(stem, where, description));
            }
        } catch (IOException e) {
            out.add(new Entry("?", where, "cannot list: " + e.getMessage()));
        }
    }

    /** E.g. {@code xc7z020clg400-1, 12 IP (axi_dma_0, btns_gpio, ...)}. */
    static String summary(OverlayMetadata md) {
        List<String> ips = new ArrayList<>();
        md.ipDict().values().forEach(ip -> ips.add(ip.name())); // as many as ipDict() has, the PS included
        String shown = String.join(", ", ips.subList(0, Math.min(5, ips.size()))) + (ips.size() > 5 ? ", ..." : "");
        return md.systemInfo().part() + ", " + ips.size() + " IP (" + shown + ")";
    }
}
