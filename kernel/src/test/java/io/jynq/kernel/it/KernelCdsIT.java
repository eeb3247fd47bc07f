package io.jynq.kernel.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The class-data archive follows the JDK: a kernelspec installed with its archive on one JDK,
 * then started on another (Temurin 25 when installed, the JDK's own upgrade otherwise, simulated
 * by the stamp of an older build), trains a new archive in the background that the new JDK maps;
 * and the archive covers what a notebook's first requests load, not only the kernel's start.
 */
@Tag("slow")
class KernelCdsIT {
    static final Path TEMURIN_25 = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64/bin/java");

    @Test
    void anArchiveMadeForAnotherJdkIsRebuiltForTheOneRunning() throws Exception {
        Path prefix = KernelHarness.prefix();
        String cp = String.join(File.pathSeparator, KernelHarness.classPath());
        Path java = KernelHarness.kernelJava();
        String name = "jynq-it-cds";
        Result install = exec(List.of(java.toString(), "-cp", cp, "io.jynq.kernel.cli.JynqMain", "install-kernel",
                "--prefix", prefix.toString(), "--name", name, "--classpath", cp, "--jvm-option", "-Djynq.it.cds=1"));
        assertEquals(0, install.exit, install.output);
        Path dir = prefix.resolve("share/jupyter/kernels").resolve(name);
        Path archive = dir.resolve("jynq.jsa");
        Path stamp = dir.resolve("jynq.jsa.jdk");
        assertTrue(Files.isRegularFile(archive) && Files.readString(stamp).contains(java.toRealPath().getParent().getParent().toString()),
                "install-kernel writes the archive and the JDK it was made with");

        Path newJava;
        if (Files.isExecutable(TEMURIN_25) && !java.toRealPath().equals(TEMURIN_25.toRealPath())) {
            newJava = TEMURIN_25; // a real change of JDK: the kernelspec now runs on Temurin 25
            Path json = dir.resolve("kernel.json");
            Files.writeString(json, Files.readString(json).replace("\"" + java + "\"", "\"" + TEMURIN_25 + "\""));
        } else {
            newJava = java; // the same path after a package upgrade: the recorded build is an older one
            Files.writeString(stamp, java.toRealPath().getParent().getParent() + " 17.0.1+12 1@1\n");
        }
        String before = Files.readString(stamp).strip();

        JsonObject r = KernelHarness.transport("cds", name);
        assertEquals("2", KernelHarness.result(r.getAsJsonObject("cell")), "the kernel works on the stale archive");
        String after = r.get("after").isJsonNull() ? null : r.get("after").getAsString();
        assertNotEquals(before, after, "the kernel made a new archive within 10 minutes: " + r);
        assertTrue(after.startsWith(newJava.toRealPath().getParent().getParent().toString()) && !after.startsWith("failed"), after);

        // the new JDK maps it: with -Xshare:on the JVM refuses to start on an archive it cannot use
        List<String> cmd = new ArrayList<>(List.of(newJava.toString(), "-XX:+UseSerialGC", "-Xshare:on",
                "-XX:SharedArchiveFile=" + archive, "-Djava.awt.headless=true", "-Djynq.it.cds=1", "-cp", cp,
                "io.jynq.kernel.cli.KernelMain"));
        Result mapped = exec(cmd);
        assertEquals(2, mapped.exit, "KernelMain without a connection file prints its usage: " + mapped.output);
        assertTrue(mapped.output.contains("usage: KernelMain"), mapped.output);
    }

    /**
     * The training run talks to its kernel over TCP as a frontend does, so the classes of a
     * client's connection (ZeroMQ's stream engine), of parsing its requests (Gson's parser) and of
     * rendering a cell's value come from the archive at a real client's first cell; a training
     * that called the kernel in-process left them to be read from the jars by every kernel.
     */
    @Test
    void aNotebooksFirstRequestsLoadTheirClassesFromTheArchive() throws Exception {
        Path prefix = KernelHarness.prefix();
        String cp = String.join(File.pathSeparator, KernelHarness.classPath());
        Path logs = Files.createTempDirectory(prefix, "class-load");
        String name = "jynq-it-cds-first";
        Result install = exec(List.of(KernelHarness.kernelJava().toString(), "-cp", cp, "io.jynq.kernel.cli.JynqMain",
                "install-kernel", "--prefix", prefix.toString(), "--name", name, "--classpath", cp,
                "--jvm-option", "-Xlog:class+load=info:file=" + logs.resolve("load-%p.log")));
        assertEquals(0, install.exit, install.output);

        JsonObject r = KernelHarness.transport("firstcells", name);
        assertEquals("2", KernelHarness.result(r.getAsJsonObject("cell")), r.toString());
        assertEquals("hi\n", KernelHarness.first(r.getAsJsonObject("print"), "stream").get("text").getAsString());
        List<String> log = Files.readAllLines(logs.resolve("load-" + r.get("pid").getAsLong() + ".log"));
        for (String cls : List.of("zmq.io.StreamEngine", "com.google.gson.JsonParser", "io.jynq.render.Renderers")) {
            String line = log.stream().filter(l -> l.contains(" " + cls + " ")).findFirst().orElse("(not loaded)");
            assertTrue(line.contains("source: shared objects file"), cls + " should come from the archive: " + line);
        }
    }

    private record Result(int exit, String output) {
    }

    private static Result exec(List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            return new Result(-1, "timed out: " + out);
        }
        return new Result(p.exitValue(), out);
    }
}
