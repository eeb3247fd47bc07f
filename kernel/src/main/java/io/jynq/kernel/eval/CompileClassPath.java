package io.jynq.kernel.eval;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import jdk.jshell.JShell;

/**
 * The class path javac sees when it compiles a snippet: the kernel's, without the jars no public
 * signature of JYNQ's libraries names (the Jupyter wire, the command line, Maven Resolver behind
 * {@code %maven}, and the libraries JYNQ, Tablesaw, XChart and gRPC use only inside: ICU, Netty,
 * PDFBox, ...). The snippets' class loader still sees everything; a cell that names such a class
 * itself adds its jar with {@code %maven} or {@code %classpath}.
 *
 * <p>Why: javac scans every class path entry for each package a snippet's imports name, on every
 * snippet (profiled: a quarter of a {@code 1+1} cell's time was {@code ClassFinder.scanUserPaths}),
 * and keeps an index of every entry of every jar it opened for the session's life (issue 19: the
 * excluded jars hold 12k of the 33k entries, about 4 MB of a board kernel's heap).
 * CompileClassPathTest checks, from the jars' bytecode, that every jar the public API of JYNQ's
 * libraries reaches stays.
 */
final class CompileClassPath {
    /** File-name prefixes of jars no cell names a class of. */
    private static final List<String> KERNEL_ONLY = List.of(
            "context-", "standalone-shared-", "standalone-static-", "maven-", "plexus-", "httpclient-",
            "httpcore-", "commons-codec-", "jeromq-", "jnacl-", "picocli-", "slf4j-simple-", "asm-",
            // used inside the libraries only: their public signatures never name these
            "icu4j-", "commons-math3-", "classgraph-", "grpc-netty-shaded-", "grpc-core-", "grpc-util-",
            "grpc-protobuf-", "proto-google-common-protos-", "perfmark-api-", "pdfbox-", "fontbox-",
            "graphics2d-", "VectorGraphics2D-", "animated-gif-lib-", "commons-logging-");

    private CompileClassPath() {
    }

    /** {@code classPath} without the kernel-only jars. */
    static String of(String classPath) {
        return Stream.of(classPath.split(File.pathSeparator))
                .filter(e -> !e.isEmpty() && !kernelOnly(e))
                .collect(Collectors.joining(File.pathSeparator));
    }

    static boolean kernelOnly(String entry) {
        Path name = Path.of(entry).getFileName();
        String file = name == null ? entry : name.toString();
        return file.endsWith(".jar") && KERNEL_ONLY.stream().anyMatch(file::startsWith);
    }

    /**
     * Adds the compile class path's first entry again: JShell's way to make the compiler take its
     * class path now, and the only public way to make JShell refresh its completion index.
     */
    static void refreshIndex(JShell shell) {
        String compile = of(System.getProperty("java.class.path", ""));
        int end = compile.indexOf(File.pathSeparator);
        if (!compile.isEmpty()) {
            shell.addToClasspath(end < 0 ? compile : compile.substring(0, end));
        }
    }

    /**
     * Builds a JShell whose compiler uses {@link #of} the current class path. JShell reads
     * {@code java.class.path} when it is built and has no other way to be given one.
     */
    static synchronized JShell build(JShell.Builder builder) {
        String full = System.getProperty("java.class.path", "");
        String compile = of(full);
        if (compile.equals(full) || compile.isEmpty()) {
            return builder.build();
        }
        System.setProperty("java.class.path", compile);
        try {
            JShell shell = builder.build();
            // makes the compiler's path explicit now, while the property still holds the short one
            refreshIndex(shell);
            return shell;
        } finally {
            System.setProperty("java.class.path", full);
        }
    }
}
