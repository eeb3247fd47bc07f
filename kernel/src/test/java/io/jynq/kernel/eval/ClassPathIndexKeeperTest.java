package io.jynq.kernel.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The class path index javac keeps between compiles (see {@link ClassPathIndexKeeper}) still
 * learns what {@code %classpath}/{@code %maven} add mid-session: a folder and a jar, added after
 * cells have compiled, each with a class of the same package.
 */
class ClassPathIndexKeeperTest {
    @TempDir
    Path tmp;

    @Test
    void classesAddedMidSessionAreFound() throws IOException {
        Path first = compile("demo", "First", "public String hi() { return \"first\"; }");
        Path second = jar(compile("demo", "Second", "public int n() { return 42; }"), "demo/Second.class");
        try (JShellEvaluator ev = new JShellEvaluator(null, List.of())) {
            assertEquals(2, ev.eval("1+1"));
            assertThrows(CompileException.class, () -> ev.eval("new demo.First().hi()"));
            ev.addToClasspath(first);
            assertEquals("first", ev.eval("new demo.First().hi()"));
            assertEquals(3, ev.eval("1+2"));
            ev.addToClasspath(second);
            assertEquals(42, ev.eval("new demo.Second().n()"));
            assertEquals("first", ev.eval("new demo.First().hi()"));
        }
    }

    private Path jar(Path classes, String entry) throws IOException {
        Path jar = tmp.resolve(entry.replace('/', '-') + ".jar");
        try (java.util.jar.JarOutputStream out = new java.util.jar.JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new java.util.jar.JarEntry(entry));
            out.write(Files.readAllBytes(classes.resolve(entry)));
            out.closeEntry();
        }
        return jar;
    }

    private Path compile(String pkg, String name, String body) throws IOException {
        Path src = tmp.resolve("src-" + name).resolve(pkg).resolve(name + ".java");
        Files.createDirectories(src.getParent());
        Files.writeString(src, "package " + pkg + "; public class " + name + " { " + body + " }");
        Path out = tmp.resolve("classes-" + name);
        Files.createDirectories(out);
        int rc = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", out.toString(), src.toString());
        assertEquals(0, rc, "javac failed on " + src);
        return out;
    }
}
