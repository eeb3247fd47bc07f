package io.jynq.kernel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code install-kernel --memory SIZE} sizes the kernel's JVM for a board; {@code --jvm-option} overrides. */
class InstallKernelMemoryTest {
    @TempDir
    Path prefix;
    private final StringWriter err = new StringWriter();

    private Path kernelJson() {
        return prefix.resolve("share/jupyter/kernels/jynq/kernel.json");
    }

    private JsonObject spec() throws IOException {
        return JsonParser.parseString(Files.readString(kernelJson())).getAsJsonObject();
    }

    private List<String> argv() throws IOException {
        List<String> out = new ArrayList<>();
        spec().getAsJsonArray("argv").forEach(e -> out.add(e.getAsString()));
        return out;
    }

    private int install(String... extra) {
        List<String> args = new ArrayList<>(List.of("--prefix", prefix.toString(), "--no-cds", "--classpath", "/x/jynq.jar"));
        args.addAll(List.of(extra));
        CommandLine cl = new CommandLine(new InstallKernelCommand());
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args.toArray(new String[0]));
    }

    @Test
    void aPynqZ2SizedKernelGetsTheSmallOptionsAndOneMallocArena() throws IOException {
        assertEquals(0, install("--memory", "512m"));
        List<String> argv = argv();
        assertTrue(argv.containsAll(List.of("-Xmx72m", "-XX:TieredStopAtLevel=1", "-XX:MaxRAM=512m")), argv.toString());
        assertTrue(argv.indexOf("-Xmx72m") < argv.indexOf("-cp"), "JVM options go before the class path");
        // every sized option reaches kernel.json (this JVM knows the probed ones), in the sized order
        List<String> sized = io.jynq.kernel.install.KernelMemory.jvmOptions(512L << 20);
        assertEquals(sized, argv.stream().filter(sized::contains).toList(), argv.toString());
        assertEquals("1", spec().getAsJsonObject("env").get("MALLOC_ARENA_MAX").getAsString());
    }

    @Test
    void aLargeBoardKeepsTheJvmsOwnSizing() throws IOException {
        assertEquals(0, install("--memory", "4g"));
        assertFalse(argv().stream().anyMatch(a -> a.startsWith("-Xmx") || a.startsWith("-XX:TieredStopAtLevel")), argv().toString());
        assertTrue(argv().contains("-XX:MaxRAM=4096m"), "the JVM sizes itself as on a 4 GB board");
        assertFalse(spec().has("env"));
    }

    @Test
    void aJvmOptionOverridesTheSizedOneAndSurvivesARefresh() throws IOException {
        assertEquals(0, install("--memory", "512m", "--jvm-option", "-Xmx200m"));
        assertFalse(argv().contains("-Xmx72m"), argv().toString());
        assertTrue(argv().contains("-Xmx200m"));
        // ./jynq notebook after a build: no --memory given, the board's sizing and the override stay
        List<String> before = argv();
        assertEquals(0, new CommandLine(new InstallKernelCommand()).execute("--prefix", prefix.toString(), "--no-cds",
                "--classpath", "/x/jynq.jar", "--refresh"));
        assertEquals(before, argv());
    }

    @Test
    void aBadSizeNamesTheArgumentAndLeavesTheInstalledKernelAlone() throws IOException {
        assertEquals(0, install("--memory", "512m"));
        String installed = Files.readString(kernelJson());
        int code = install("--memory", "half a gig");
        assertNotEquals(0, code);
        assertTrue(err.toString().contains("jynq install-kernel: --memory: 'half a gig' is not a memory size"), err.toString());
        assertEquals(installed, Files.readString(kernelJson()));
    }
}
