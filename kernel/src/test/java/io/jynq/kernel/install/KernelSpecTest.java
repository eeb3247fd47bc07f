package io.jynq.kernel.install;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KernelSpecTest {
    @TempDir
    Path prefix;

    @Test
    void writesKernelJsonWithAbsoluteJavaAndMessageInterrupts() throws IOException {
        KernelSpec spec = new KernelSpec("jynq", "Java (JYNQ)", Path.of("/opt/jdk/bin/java"), List.of("/a.jar", "/lib/b.jar"),
                List.of("-XX:+UseSerialGC"));
        Path dir = KernelSpecInstaller.install(spec, KernelSpecInstaller.kernelsDir(KernelSpecInstaller.Scope.PREFIX, prefix));
        assertEquals(prefix.resolve("share/jupyter/kernels/jynq"), dir);
        JsonObject json = JsonParser.parseString(Files.readString(dir.resolve("kernel.json"))).getAsJsonObject();
        assertEquals("message", json.get("interrupt_mode").getAsString());
        assertEquals("java", json.get("language").getAsString());
        String crash = KernelSpec.crashDirectory().toString();
        assertEquals("[\"/opt/jdk/bin/java\",\"-XX:+UseSerialGC\",\"-XX:ErrorFile=" + crash + "/hs_err_pid%p.log\","
                + "\"-Djynq.crash.dir=" + crash + "\",\"-cp\",\"/a.jar:/lib/b.jar\","
                + "\"io.jynq.kernel.cli.KernelMain\",\"{connection_file}\"]", json.getAsJsonArray("argv").toString());
        BufferedImage logo = ImageIO.read(dir.resolve("logo-64x64.png").toFile());
        assertEquals(64, logo.getWidth());
        assertEquals(32, ImageIO.read(dir.resolve("logo-32x32.png").toFile()).getHeight());
    }

    @Test
    void relativeJavaIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new KernelSpec("jynq", "x", Path.of("java"), List.of(), List.of()));
        assertTrue(e.getMessage().contains("absolute"));
    }
}
