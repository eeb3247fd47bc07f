package io.jynq.kernel.it;

import static io.jynq.kernel.it.KernelHarness.first;
import static io.jynq.kernel.it.KernelHarness.result;
import static io.jynq.kernel.it.KernelHarness.status;
import static io.jynq.kernel.it.KernelHarness.streamText;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12 through jupyter_client, in a kernel whose {@code HOME} is new (as a stranger's): the
 * first cell already has jshell's DEFAULT imports and java.time, and {@code %maven} resolves
 * through that HOME's {@code ~/.m2/settings.xml}: its mirror and local repository (with a line of
 * progress per download), its HTTP proxy (the mirror's host does not exist, so only the proxy can
 * answer) and its {@code <offline>}. The repository is made here: two tiny jars with a class each.
 */
@Tag("slow")
class KernelFreshHomeIT {
    @TempDir
    static Path dir;
    private static JsonObject r;

    @BeforeAll
    static void drive() throws IOException {
        Path mirror = dir.resolve("mirror");
        publish(mirror, "tiny", "Tiny");
        publish(mirror, "proxied", "Proxied");
        Path home = Files.createDirectories(dir.resolve("home"));
        r = KernelHarness.scenario("fresh_home", Map.of("JYNQ_IT_HOME", home.toString(), "JYNQ_IT_MIRROR", mirror.toString()));
    }

    /** io.jynq.it:ARTIFACT:1.0 in the repository folder: a jar holding io.jynq.it.CLS (hello() returns ARTIFACT) and its pom. */
    private static void publish(Path repo, String artifact, String cls) throws IOException {
        Path src = Files.createDirectories(dir.resolve("src-" + artifact + "/io/jynq/it")).resolve(cls + ".java");
        Files.writeString(src, "package io.jynq.it; public class " + cls + " { public static String hello() { return \""
                + artifact + "\"; } }");
        Path classes = Files.createDirectories(dir.resolve("classes-" + artifact));
        assertEquals(0, ToolProvider.getSystemJavaCompiler().run(null, null, null, "--release", "17", "-d", classes.toString(),
                src.toString()), "javac " + src);
        Path version = Files.createDirectories(repo.resolve("io/jynq/it/" + artifact + "/1.0"));
        String base = artifact + "-1.0";
        try (OutputStream out = Files.newOutputStream(version.resolve(base + ".jar"));
                JarOutputStream jar = new JarOutputStream(out, new Manifest())) {
            jar.putNextEntry(new JarEntry("io/jynq/it/" + cls + ".class"));
            jar.write(Files.readAllBytes(classes.resolve("io/jynq/it/" + cls + ".class")));
            jar.closeEntry();
        }
        Files.writeString(version.resolve(base + ".pom"), "<project><modelVersion>4.0.0</modelVersion><groupId>io.jynq.it</groupId>"
                + "<artifactId>" + artifact + "</artifactId><version>1.0</version></project>\n");
        for (String f : List.of(base + ".jar", base + ".pom")) {  // as a repository serves them: no checksum warnings
            try {
                Files.writeString(version.resolve(f + ".sha1"), java.util.HexFormat.of().formatHex(
                        java.security.MessageDigest.getInstance("SHA-1").digest(Files.readAllBytes(version.resolve(f)))));
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static JsonObject run(String key) {
        return r.getAsJsonObject(key);
    }

    @Test
    void theFirstCellHasEveryDefaultImportOfJshellAndJavaTime() {
        // java.util, .stream, .function, .concurrent, java.io, java.util.regex, java.nio.file, java.math, java.net, java.time
        assertEquals("ok", status(run("defaults")), run("defaults").toString());
        assertEquals("ab 1000 io true 2 pynq.io 42 2025-02-28 PT1H30M", result(run("defaults")));
    }

    @Test
    void mavenResolvesThroughTheSettingsMirrorIntoItsLocalRepositoryWithProgress() {
        assertEquals("ok", status(run("maven")), run("maven").toString());
        String said = streamText(run("maven"));
        assertTrue(said.contains("downloading file:") && said.contains("tiny-1.0.jar"), "a line per download: " + said);
        assertTrue(said.contains("io.jynq.it:tiny:1.0: 1 jar(s) resolved, 1 added"), said);
        assertEquals("tiny", result(run("maven_use")));
        assertTrue(Files.isRegularFile(dir.resolve("home/local-file/io/jynq/it/tiny/1.0/tiny-1.0.jar")),
                "resolved into the settings' localRepository, not the user's ~/.m2");
    }

    @Test
    void mavenGoesThroughTheSettingsProxy() {
        assertEquals("ok", status(run("proxied")), run("proxied").toString());
        assertEquals("proxied", result(run("proxied_use")));
        String saw = run("proxied").toString() + r.get("proxy_saw");
        assertTrue(r.getAsJsonArray("proxy_saw").toString().contains("http://repo.invalid/maven2/io/jynq/it/proxied/1.0/proxied-1.0.jar"),
                "the jar came through the proxy: " + saw);
    }

    @Test
    void mavenHonoursOfflineInTheSettingsAndTheSessionKeepsItsLibraries() {
        assertEquals("error", status(run("offline")), run("offline").toString());
        JsonObject err = first(run("offline"), "error");
        assertNotNull(err, run("offline").toString());
        assertTrue(err.get("evalue").getAsString().contains("offline"), err.toString());
        assertEquals("tinyproxied", result(run("after")), "a failed %maven leaves the libraries added before");
    }
}
