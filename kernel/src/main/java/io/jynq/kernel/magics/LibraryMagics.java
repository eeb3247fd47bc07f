package io.jynq.kernel.magics;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.magic.LineMagic;
import org.dflib.jjava.jupyter.kernel.magic.MagicsRegistry;

/**
 * {@code %maven} and {@code %classpath}: libraries added to the running session, as JJava offers
 * them. A jar whose file name is already on the kernel's class path is skipped (two versions of
 * one library in one session make confusing errors), and so is one added before.
 */
final class LibraryMagics {
    static final String MAVEN_USAGE = "%maven [--offline] GROUP:ARTIFACT:VERSION...  add artifacts and their runtime"
            + " dependencies (honours ~/.m2/settings.xml)";
    static final String CLASSPATH_USAGE = "%classpath PATH...    add jars or class folders (DIR/* = every jar in DIR;"
            + " PATH may be a " + File.pathSeparator + "-separated list)";

    private static final Set<String> ADDED = new HashSet<>();

    private LibraryMagics() {
    }

    static void register(MagicsRegistry registry) {
        registry.registerLineMagic("maven", (LineMagic<Object, BaseKernel>) (kernel, args) -> maven(kernel, args));
        registry.registerLineMagic("classpath", (LineMagic<Object, BaseKernel>) (kernel, args) -> classpath(kernel, args));
    }

    private static Object maven(BaseKernel kernel, List<String> args) {
        if (args.isEmpty() || args.contains("--help")) {
            System.out.println(MAVEN_USAGE);
            return null;
        }
        boolean offline = args.contains("--offline") || args.contains("-o");
        for (String coordinates : args) {
            if (coordinates.startsWith("-")) {
                continue;
            }
            List<Path> jars = MavenResolver.resolve(coordinates, offline, System.err);
            int added = add(kernel, jars);
            System.out.println(coordinates + ": " + jars.size() + " jar(s) resolved, " + added + " added to the session");
        }
        return null;
    }

    private static Object classpath(BaseKernel kernel, List<String> args) {
        if (args.isEmpty() || args.contains("--help")) {
            System.out.println(CLASSPATH_USAGE);
            return null;
        }
        List<Path> paths = new ArrayList<>();
        for (String arg : args) {
            for (String part : arg.split(File.pathSeparator)) {
                if (!part.isBlank()) {
                    paths.addAll(expand(part));
                }
            }
        }
        System.out.println(add(kernel, paths) + " path(s) added to the session");
        return null;
    }

    /** {@code DIR/*} → the jars in DIR; a missing path is an error naming it. */
    static List<Path> expand(String part) {
        String p = part.startsWith("~/") ? io.jynq.config.JynqConfig.current().home() + part.substring(1) : part;
        if (p.endsWith("/*") || p.equals("*")) {
            Path dir = Path.of(p.substring(0, p.length() - 1).isEmpty() ? "." : p.substring(0, p.length() - 1));
            try (Stream<Path> s = Files.list(dir)) {
                return s.filter(f -> f.getFileName().toString().endsWith(".jar")).sorted().toList();
            } catch (IOException e) {
                throw new UncheckedIOException("%classpath " + part + ": cannot list " + dir + ": " + e.getMessage(), e);
            }
        }
        Path path = Path.of(p);
        if (!Files.exists(path)) {
            throw new IllegalArgumentException("%classpath " + part + ": no such file or folder");
        }
        return List.of(path);
    }

    private static synchronized int add(BaseKernel kernel, List<Path> paths) {
        if (!(kernel instanceof SessionClasspath)) {
            throw new IllegalStateException("this kernel cannot add to its class path");
        }
        Set<String> onClassPath = new HashSet<>();
        for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) {
            onClassPath.add(Path.of(e).getFileName() == null ? e : Path.of(e).getFileName().toString());
        }
        int added = 0;
        for (Path path : paths) {
            Path abs = path.toAbsolutePath().normalize();
            if (onClassPath.contains(abs.getFileName().toString()) || !ADDED.add(abs.toString())) {
                continue;
            }
            ((SessionClasspath) kernel).addToClasspath(abs);
            added++;
        }
        return added;
    }
}
