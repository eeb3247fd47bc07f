package io.jynq.kernel.magics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code %maven} honours the user's {@code ~/.m2/settings.xml} as Maven does (issue 12): a mirror
 * of every repository (here a {@code file:} repository, so no network is touched and Maven
 * Central, which has no such artifact, cannot answer), the local repository it names, its
 * {@code <offline>} (for network repositories: Maven Resolver's offline mode still reads
 * {@code file:} ones), and a line of progress per download.
 */
class MavenSettingsTest {

    /** A repository holding {@code io.jynq.it:tiny:1.0} (a jar and its pom) and a Maven user home whose settings name it. */
    private static Path mavenHome(Path dir, boolean offline) throws IOException {
        return mavenHome(dir, offline, dir.resolve("mirror").toUri().toString());
    }

    private static Path mavenHome(Path dir, boolean offline, String mirrorUrl) throws IOException {
        Path artifact = Files.createDirectories(dir.resolve("mirror/io/jynq/it/tiny/1.0"));
        try (OutputStream out = Files.newOutputStream(artifact.resolve("tiny-1.0.jar"));
                JarOutputStream jar = new JarOutputStream(out, new Manifest())) {
            jar.flush();
        }
        Files.writeString(artifact.resolve("tiny-1.0.pom"), "<project><modelVersion>4.0.0</modelVersion><groupId>io.jynq.it</groupId>"
                + "<artifactId>tiny</artifactId><version>1.0</version></project>\n");
        for (String f : List.of("tiny-1.0.jar", "tiny-1.0.pom")) {  // as a repository serves them: no checksum warnings
            Files.writeString(artifact.resolve(f + ".sha1"), sha1(artifact.resolve(f)));
        }
        Path m2 = Files.createDirectories(dir.resolve("home/.m2"));
        Files.writeString(m2.resolve("settings.xml"), "<settings>\n"
                + "  <localRepository>" + dir.resolve("local") + "</localRepository>\n"
                + "  <offline>" + offline + "</offline>\n"
                + "  <mirrors><mirror><id>house</id><mirrorOf>*</mirrorOf><url>" + mirrorUrl + "</url></mirror></mirrors>\n"
                + "</settings>\n");
        return m2;
    }

    private static String sha1(Path file) throws IOException {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-1").digest(Files.readAllBytes(file)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theSettingsMirrorAndLocalRepositoryAreUsedWithProgress(@TempDir Path dir) throws IOException {
        Path m2 = mavenHome(dir, false);
        ByteArrayOutputStream progress = new ByteArrayOutputStream();
        List<Path> jars = MavenResolver.resolve("io.jynq.it:tiny:1.0", false, new PrintStream(progress, true, StandardCharsets.UTF_8), m2);
        assertEquals(List.of(dir.resolve("local/io/jynq/it/tiny/1.0/tiny-1.0.jar")), jars, "resolved into the settings' local repository");
        String said = progress.toString(StandardCharsets.UTF_8);
        assertTrue(said.contains("downloading " + dir.resolve("mirror").toUri()) && said.contains("tiny-1.0.jar"), said);
    }

    @Test
    void theSettingsOfflineKeepsResolutionLocal(@TempDir Path dir) throws IOException {
        // an http mirror (Maven Resolver's offline mode still reads file: repositories); port 1 answers nothing
        Path m2 = mavenHome(dir, true, "http://127.0.0.1:1/maven2/");
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> MavenResolver.resolve("io.jynq.it:tiny:1.0", false, new PrintStream(OutputStream.nullOutputStream()), m2));
        assertTrue(e.getMessage().startsWith("cannot resolve io.jynq.it:tiny:1.0: ") && e.getMessage().contains("offline"), e.getMessage());
    }
}
