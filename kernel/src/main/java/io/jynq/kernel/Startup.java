package io.jynq.kernel;

import io.jynq.config.JynqConfig;
import io.jynq.config.Setting;
import java.io.IOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The code every session starts with: the display statics ({@code display}, {@code updateDisplay},
 * {@code clearOutput}, {@code render} of {@code io.jynq.render.Notebook}), the JDK packages the
 * {@code jshell} tool imports by default plus {@code java.time}, the {@code io.jynq} packages present
 * on the class path (the object model lands module by module, so absent ones are skipped rather
 * than failing the session), XChart and Tablesaw, then the user's {@code JYNQ_STARTUP} script.
 */
public final class Startup {
    /** JYNQ packages imported on demand when they exist, in layer order. */
    static final List<String> JYNQ_PACKAGES = List.of(
            "io.jynq.error", "io.jynq.metadata", "io.jynq.device", "io.jynq.mmio", "io.jynq.buffer", "io.jynq.overlay", "io.jynq.overlays",
            "io.jynq.drivers.dma", "io.jynq.drivers.gpio", "io.jynq.drivers.intc", "io.jynq.drivers.bram",
            "io.jynq.drivers.hls", "io.jynq.d2l", "io.jynq.magics", "io.jynq.plot", "io.jynq.render");

    static final List<String> LIBRARY_PACKAGES = List.of("org.knowm.xchart", "tech.tablesaw.api");

    /**
     * The {@code jshell} tool's DEFAULT startup imports plus {@code java.time}, so that a cell
     * written for jshell (or with {@code Duration}, {@code Instant}) compiles as it is.
     */
    static final List<String> JDK_PACKAGES = List.of(
            "java.io", "java.math", "java.net", "java.nio.file", "java.util", "java.util.concurrent",
            "java.util.function", "java.util.prefs", "java.util.regex", "java.util.stream", "java.time");

    /**
     * Which class a simple name means where two imported packages both have it (an ambiguous
     * name does not compile once a cell uses it). DefaultImportsTest fails on a new clash.
     */
    static final List<String> PREFERRED = List.of();

    private Startup() {
    }

    /**
     * One import per line: {@code import static ...Notebook.*;}, each present default package on
     * demand, then {@link #PREFERRED}: the startup of {@code ./jynq shell} (the jshell tool).
     */
    public static String imports(ClassLoader loader) {
        StringBuilder sb = new StringBuilder("import static io.jynq.render.Notebook.*;\n");
        for (String p : defaultPackages(loader)) {
            sb.append("import ").append(p).append(".*;\n");
        }
        return sb.append(preferred(loader)).toString();
    }

    /**
     * The kernel's startup imports: {@code import static ...Notebook.*;} and {@link #PREFERRED};
     * the classes of {@link #defaultPackages} are imported one by one when a cell names them
     * ({@link io.jynq.kernel.eval.DefaultImports}), which keeps every cell's compile cheap.
     */
    public static String eagerImports(ClassLoader loader) {
        return "import static io.jynq.render.Notebook.*;\n" + preferred(loader);
    }

    /** The default packages present on the class path: JDK, then JYNQ, then libraries. */
    public static List<String> defaultPackages(ClassLoader loader) {
        List<String> all = new ArrayList<>(JDK_PACKAGES);
        all.addAll(JYNQ_PACKAGES);
        all.addAll(LIBRARY_PACKAGES);
        all.removeIf(p -> !present(loader, p));
        return all;
    }

    private static String preferred(ClassLoader loader) {
        StringBuilder sb = new StringBuilder();
        for (String type : PREFERRED) {
            if (loader.getResource(type.replace('.', '/') + ".class") != null) {
                sb.append("import ").append(type).append(";\n");
            }
        }
        return sb.toString();
    }

    /**
     * True if the package has at least one class on the class path. A directory entry alone is
     * not enough: a module may ship only a package-info.java, and importing a package without
     * classes is a compile error in JShell.
     */
    static boolean present(ClassLoader loader, String pkg) {
        if (pkg.startsWith("java.")) {
            return true; // the JDK's: always there (and not visible as resources of a named module)
        }
        String dir = pkg.replace('.', '/') + "/";
        URL url = loader.getResource(dir);
        if (url == null) {
            return false;
        }
        if (!pkg.startsWith("io.jynq.")) {
            return true; // libraries we depend on: their packages have classes
        }
        try {
            if ("file".equals(url.getProtocol())) {
                try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
                    return files.anyMatch(f -> isClass(f.getFileName().toString()));
                }
            }
            URLConnection c = url.openConnection();
            if (c instanceof JarURLConnection) {
                JarFile jar = ((JarURLConnection) c).getJarFile();
                return jar.stream().anyMatch(e -> e.getName().startsWith(dir)
                        && e.getName().indexOf('/', dir.length()) < 0 && isClass(e.getName().substring(dir.length())));
            }
            return true;
        } catch (IOException | URISyntaxException | RuntimeException e) {
            return false;
        }
    }

    private static boolean isClass(String fileName) {
        return fileName.endsWith(".class") && !fileName.equals("package-info.class");
    }

    /**
     * The {@code JYNQ_STARTUP} script, if set: a file of Java snippets (a {@code .jsh}).
     *
     * @return its text, or null if the variable is unset
     * @throws UncheckedIOException naming the file if it is set but cannot be read
     */
    public static String userScript() {
        Path path = JynqConfig.current().path(Setting.STARTUP).orElse(null);
        if (path == null) {
            return null;
        }
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new UncheckedIOException("JYNQ_STARTUP=" + path + " cannot be read: " + e.getMessage(), e);
        }
    }
}
