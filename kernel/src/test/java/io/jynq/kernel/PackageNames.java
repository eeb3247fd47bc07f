package io.jynq.kernel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Modifier;
import java.net.JarURLConnection;
import java.net.URI;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/** The simple names a {@code import PKG.*;} brings into scope: public top-level classes, from the JDK image or the class path. */
final class PackageNames {
    private PackageNames() {
    }

    static Set<String> of(String pkg, ClassLoader loader) {
        Set<String> files = new TreeSet<>();
        String dir = pkg.replace('.', '/');
        FileSystem jrt = FileSystems.getFileSystem(URI.create("jrt:/"));
        Path inJdk = jrt.getPath("packages", pkg);
        try {
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
                    if (c instanceof JarURLConnection) {
                        JarFile jar = ((JarURLConnection) c).getJarFile();
                        jar.stream().map(e -> e.getName())
                                .filter(n -> n.startsWith(dir + "/") && n.indexOf('/', dir.length() + 1) < 0)
                                .forEach(n -> files.add(n.substring(dir.length() + 1)));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        Set<String> names = new TreeSet<>();
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
