package io.jynq.kernel.eval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Modifier;
import java.net.JarURLConnection;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The session's default packages ({@code java.util}, {@code java.time}, {@code io.jynq.overlay},
 * ...) imported name by name, when a cell first mentions a name, instead of with
 * {@code import PKG.*;}.
 *
 * <p>Why: javac completes every on-demand-imported package (lists it in the JDK image and scans
 * the class path for it) in each of the three compiler passes JShell runs per snippet; 29
 * on-demand packages cost about 7 ms of CPU per {@code 1+1} (measured in-process, 10.7 ms with
 * none against 18.2 ms, see issue 12's note). A single-type import costs one class lookup.
 *
 * <p>The meaning of a name is the one {@code import PKG.*;} gave: the first package in the given
 * order that has a public top-level class of that name (DefaultImportsTest checks that no name
 * is in two of them), never one {@code java.lang} has, never one the session declares or
 * imports itself. When a cell declares a type of a name imported here, the import is dropped
 * first (an on-demand import yields to a declaration; a single-type one would clash with it).
 */
public final class DefaultImports {
    /**
     * A name that may be a default class: an uppercase start (as every class of the default
     * packages), not qualified ({@code a.B} is a member or already qualified).
     */
    private static final Pattern TYPE_NAME = Pattern.compile("(?<![\\w$.])[A-Z][A-Za-z0-9_]*\\b");
    private static final Pattern DECLARED = Pattern.compile("\\b(?:class|interface|enum|record)\\s+([A-Z][A-Za-z0-9_]*)");

    private final ClassLoader loader;
    private final List<String> packages;
    private final Map<String, Optional<String>> resolved = new ConcurrentHashMap<>();
    private volatile TreeSet<String> allNames;

    /**
     * @param loader   the class loader the session's code sees (the kernel's)
     * @param packages the default packages, the first having priority where two share a name
     */
    public DefaultImports(ClassLoader loader, List<String> packages) {
        this.loader = loader;
        this.packages = List.copyOf(packages);
    }

    /** The default packages, in priority order. */
    public List<String> packages() {
        return packages;
    }

    /**
     * The names in {@code source} that are classes of the default packages, qualified, except
     * {@code java.lang}'s and those in {@code inScope}.
     */
    public Set<String> needed(String source, Set<String> inScope) {
        Set<String> out = new LinkedHashSet<>();
        Matcher m = TYPE_NAME.matcher(source);
        while (m.find()) {
            String name = m.group();
            if (!inScope.contains(name)) {
                resolve(name).ifPresent(out::add);
            }
        }
        return out;
    }

    /** The type names {@code source} declares ({@code class X}, {@code record Y}, ...). */
    public static Set<String> declaredTypes(String source) {
        Set<String> out = new LinkedHashSet<>();
        Matcher m = DECLARED.matcher(source);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    /**
     * What {@code name} means by default: a public top-level class of the first default package
     * that has one, unless {@code java.lang} has it.
     *
     * @return the qualified name, or empty
     */
    public Optional<String> resolve(String name) {
        return resolved.computeIfAbsent(name, n -> {
            if (isPublicClass("java.lang." + n)) {
                return Optional.empty();
            }
            for (String p : packages) {
                if (isPublicClass(p + "." + n)) {
                    return Optional.of(p + "." + n);
                }
            }
            return Optional.empty();
        });
    }

    private boolean isPublicClass(String qualified) {
        try {
            Class<?> c = Class.forName(qualified, false, loader);
            return Modifier.isPublic(c.getModifiers()) && c.getEnclosingClass() == null;
        } catch (ClassNotFoundException | LinkageError e) {
            return false; // not there, or not loadable: a cell cannot use it either
        }
    }

    /**
     * Every simple name the default packages offer, for completion (listed once, on first use).
     *
     * @return names starting with {@code prefix}, sorted
     */
    public List<String> namesStartingWith(String prefix) {
        TreeSet<String> all = allNames;
        if (all == null) {
            TreeSet<String> names = new TreeSet<>();
            for (String p : packages) {
                names.addAll(publicNames(p, loader));
            }
            allNames = all = names;
        }
        List<String> out = new ArrayList<>();
        for (String n : all.tailSet(prefix)) {
            if (!n.startsWith(prefix)) {
                break;
            }
            out.add(n);
        }
        return out;
    }

    /**
     * The simple names {@code import pkg.*;} brings into scope: the public top-level classes of
     * the package in the JDK image and on the class path.
     */
    public static TreeSet<String> publicNames(String pkg, ClassLoader loader) {
        Set<String> files = new TreeSet<>();
        String dir = pkg.replace('.', '/');
        try {
            FileSystem jrt = FileSystems.getFileSystem(URI.create("jrt:/"));
            Path inJdk = jrt.getPath("packages", pkg);
            if (Files.isDirectory(inJdk)) {
                try (Stream<Path> modules = Files.list(inJdk)) {
                    for (Path m : (Iterable<Path>) modules::iterator) {
                        try (Stream<Path> cls = Files.list(jrt.getPath("modules", m.getFileName().toString(), dir))) {
                            cls.forEach(p -> files.add(p.getFileName().toString()));
                        }
                    }
                }
            }
            Enumeration<URL> urls = loader.getResources(dir + "/");
            for (URL url : Collections.list(urls)) {
                if ("file".equals(url.getProtocol())) {
                    try (Stream<Path> cls = Files.list(Path.of(url.toURI()))) {
                        cls.forEach(p -> files.add(p.getFileName().toString()));
                    }
                } else {
                    URLConnection c = url.openConnection();
                    if (c instanceof JarURLConnection jc) {
                        JarFile jar = jc.getJarFile();
                        jar.stream().map(e -> e.getName())
                                .filter(n -> n.startsWith(dir + "/") && n.indexOf('/', dir.length() + 1) < 0)
                                .forEach(n -> files.add(n.substring(dir.length() + 1)));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("listing package " + pkg + ": " + e.getMessage(), e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("listing package " + pkg, e);
        }
        TreeSet<String> names = new TreeSet<>();
        for (String f : files) {
            if (!f.endsWith(".class") || f.contains("$") || f.equals("package-info.class") || f.equals("module-info.class")) {
                continue;
            }
            String simple = f.substring(0, f.length() - ".class".length());
            try {
                Class<?> c = Class.forName(pkg + "." + simple, false, loader);
                if (Modifier.isPublic(c.getModifiers())) {
                    names.add(simple);
                }
            } catch (ClassNotFoundException | LinkageError e) {
                // not loadable here: not visible to a cell either
            }
        }
        return names;
    }
}
