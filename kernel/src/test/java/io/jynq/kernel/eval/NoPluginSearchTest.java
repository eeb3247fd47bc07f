package io.jynq.kernel.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A library added mid-session that registers a javac plugin it cannot provide (a service file
 * naming a class the jar lacks, as a jar built for another compiler setup may) leaves cells
 * working: the snippet compiler does not search the class path for plugins ({@link NoPluginSearch}).
 * Before, javac's plugin search met the broken service entry on every compile and every later
 * cell failed with a {@code ServiceConfigurationError}.
 */
class NoPluginSearchTest {
    @TempDir
    Path tmp;

    @Test
    void aJarRegisteringABrokenJavacPluginDoesNotBreakCells() throws IOException {
        Path jar = tmp.resolve("plugin-lib.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new JarEntry("META-INF/services/com.sun.source.util.Plugin"));
            out.write("demo.NoSuchPlugin\n".getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        try (JShellEvaluator ev = new JShellEvaluator(null, List.of())) {
            assertEquals(2, ev.eval("1+1"));
            ev.addToClasspath(jar);
            assertEquals(3, ev.eval("1+2"));
            assertEquals("ab", ev.eval("String s = \"a\"; s + \"b\""));
            assertEquals(5, ev.eval("s.length() + 4"));
        }
    }
}
