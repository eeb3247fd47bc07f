package io.jynq.kernel.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * The jars javac does not see are never reached by a public signature (supertypes, public and
 * protected fields and methods, generic signatures) of the libraries cells use, read from the
 * bytecode of this class path: otherwise a cell calling such a method would fail to compile with
 * "class file for X not found".
 */
class CompileClassPathTest {
    /** The libraries cells use: JYNQ's modules below the kernel (not overlays' test jar, on the path in verify). */
    private static final Pattern CELL_LIBRARY =
            Pattern.compile(".*[/\\\\](native|overlays|magics|remote)[/\\\\]target[/\\\\]classes|.*jynq-(native|overlays|magics|remote)-[^/\\\\]*(?<!-tests)\\.jar");
    private static final Pattern TYPE = Pattern.compile("L([\\w/$]+)[;<]");

    @Test
    void everyJarThePublicApiReachesIsCompiledAgainst() throws IOException {
        List<String> entries = List.of(System.getProperty("java.class.path").split(File.pathSeparator));
        Map<String, String> packageEntry = new HashMap<>();
        Map<String, List<byte[]>> classes = new HashMap<>();
        for (String e : entries) {
            List<byte[]> bytes = classFiles(Path.of(e), packageEntry, e);
            classes.put(e, bytes);
        }
        Deque<String> todo = new ArrayDeque<>(entries.stream().filter(e -> CELL_LIBRARY.matcher(e).matches()).toList());
        assertEquals(4, todo.size(), "native, overlays, magics and remote on the class path: " + entries);
        Map<String, String> reachedFrom = new TreeMap<>();
        todo.forEach(e -> reachedFrom.put(e, "cells"));
        while (!todo.isEmpty()) {
            String entry = todo.pop();
            for (String next : publicApiEntries(classes.get(entry), packageEntry, entry)) {
                if (reachedFrom.putIfAbsent(next, entry) == null) {
                    todo.push(next);
                }
            }
        }
        assertTrue(reachedFrom.keySet().stream().anyMatch(e -> e.contains("tablesaw-core")), reachedFrom.toString());
        assertTrue(reachedFrom.keySet().stream().anyMatch(e -> e.contains("fastutil")), "Tablesaw's API names fastutil");
        for (var r : reachedFrom.entrySet()) {
            assertFalse(CompileClassPath.kernelOnly(r.getKey()), r.getKey() + " is hidden from javac, but the public API of "
                    + r.getValue() + " names its classes");
        }
        String compile = CompileClassPath.of(String.join(File.pathSeparator, entries));
        assertFalse(compile.contains("icu4j") || compile.contains("grpc-netty-shaded"), compile);
    }

    private static List<byte[]> classFiles(Path entry, Map<String, String> packageEntry, String name) throws IOException {
        List<byte[]> out = new ArrayList<>();
        if (Files.isDirectory(entry)) {
            try (Stream<Path> files = Files.walk(entry)) {
                for (Path f : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                    String rel = entry.relativize(f).toString().replace(File.separatorChar, '/');
                    record(rel, packageEntry, name);
                    out.add(Files.readAllBytes(f));
                }
            }
        } else if (entry.toString().endsWith(".jar") && Files.isRegularFile(entry)) {
            try (JarFile jar = new JarFile(entry.toFile())) {
                for (var e : Collections.list(jar.entries())) {
                    if (e.getName().endsWith(".class") && !e.getName().startsWith("META-INF/")
                            && !e.getName().endsWith("module-info.class")) {
                        record(e.getName(), packageEntry, name);
                        try (InputStream in = jar.getInputStream(e)) {
                            out.add(in.readAllBytes());
                        }
                    }
                }
            }
        }
        return out;
    }

    private static void record(String classFile, Map<String, String> packageEntry, String entry) {
        int slash = classFile.lastIndexOf('/');
        packageEntry.putIfAbsent(slash < 0 ? "" : classFile.substring(0, slash), entry);
    }

    /** The class path entries holding a type that a public signature of {@code classFiles} names. */
    private static Set<String> publicApiEntries(List<byte[]> classFiles, Map<String, String> packageEntry, String self) {
        Set<String> out = new TreeSet<>();
        for (byte[] b : classFiles) {
            new ClassReader(b).accept(new ClassVisitor(Opcodes.ASM9) {
                private boolean open;

                private void names(String descriptor) {
                    if (descriptor == null) {
                        return;
                    }
                    Matcher m = TYPE.matcher(descriptor);
                    while (m.find()) {
                        String type = m.group(1);
                        int slash = type.lastIndexOf('/');
                        String entry = packageEntry.get(slash < 0 ? "" : type.substring(0, slash));
                        if (entry != null && !entry.equals(self)) {
                            out.add(entry);
                        }
                    }
                }

                private boolean visible(int access) {
                    return open && (access & (Opcodes.ACC_PUBLIC | Opcodes.ACC_PROTECTED)) != 0;
                }

                @Override
                public void visit(int version, int access, String name, String signature, String superName, String[] interfaces) {
                    open = (access & Opcodes.ACC_PUBLIC) != 0;
                    if (open) {
                        names(signature);
                        names(superName == null ? null : "L" + superName + ";");
                        for (String i : interfaces) {
                            names("L" + i + ";");
                        }
                    }
                }

                @Override
                public FieldVisitor visitField(int access, String name, String descriptor, String signature, Object value) {
                    if (visible(access)) {
                        names(descriptor);
                        names(signature);
                    }
                    return null;
                }

                @Override
                public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
                    if (visible(access)) {
                        names(descriptor);
                        names(signature);
                    }
                    return null;
                }
            }, ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        }
        return out;
    }
}
