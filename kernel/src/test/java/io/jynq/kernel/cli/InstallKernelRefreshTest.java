package io.jynq.kernel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonArray;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code ./jynq notebook} reinstalls with {@code install-kernel --user --refresh}: the user's JVM options stay. */
class InstallKernelRefreshTest {
    @TempDir
    Path prefix;

    private List<String> jvmOptions() throws IOException {
        JsonArray argv = JsonParser.parseString(Files.readString(prefix.resolve("share/jupyter/kernels/jynq/kernel.json")))
                .getAsJsonObject().getAsJsonArray("argv");
        List<String> opts = new ArrayList<>();
        for (int i = 1; !argv.get(i).getAsString().equals("-cp"); i++) {
            String o = argv.get(i).getAsString();
            if (!o.startsWith("-XX:ErrorFile=") && !o.startsWith("-Djynq.crash.dir=")) { // always written
                opts.add(o);
            }
        }
        return opts;
    }

    private int install(String... extra) {
        // a large board's sizing (none) whatever machine runs the test: these tests are about user options
        List<String> args = new ArrayList<>(List.of("--prefix", prefix.toString(), "--no-cds", "--classpath", "/x/jynq.jar",
                "--memory", "4g"));
        args.addAll(List.of(extra));
        return new CommandLine(new InstallKernelCommand()).execute(args.toArray(new String[0]));
    }

    @Test
    void refreshKeepsTheJvmOptionsOfTheEarlierInstall() throws IOException {
        assertEquals(0, install("--jvm-option", "-Xmx300m", "--jvm-option", "-Djynq.x=1"));
        assertEquals(List.of("-XX:+UseSerialGC", "-Xshare:auto", "-Djava.awt.headless=true", "-XX:MaxRAM=4096m", "-Xmx300m", "-Djynq.x=1"), jvmOptions());
        assertEquals(0, install("--refresh")); // what the launcher runs after a build
        assertEquals(List.of("-XX:+UseSerialGC", "-Xshare:auto", "-Djava.awt.headless=true", "-XX:MaxRAM=4096m", "-Xmx300m", "-Djynq.x=1"), jvmOptions());
        assertEquals(0, install("--refresh", "--jvm-option", "-Djynq.y=2", "--jvm-option", "-Xmx300m"));
        assertEquals(List.of("-XX:+UseSerialGC", "-Xshare:auto", "-Djava.awt.headless=true", "-XX:MaxRAM=4096m", "-Xmx300m", "-Djynq.x=1", "-Djynq.y=2"),
                jvmOptions(), "new options are added once");
    }

    @Test
    void withoutRefreshTheOptionsAreReplaced() throws IOException {
        assertEquals(0, install("--jvm-option", "-Xmx300m"));
        assertEquals(0, install());
        assertEquals(List.of("-XX:+UseSerialGC", "-Xshare:auto", "-Djava.awt.headless=true", "-XX:MaxRAM=4096m"), jvmOptions());
    }

    @Test
    void theArchiveOptionIsNotKeptButWrittenAgain() throws IOException {
        Path kernels = prefix.resolve("share/jupyter/kernels/jynq");
        Files.createDirectories(kernels);
        Files.writeString(kernels.resolve("kernel.json"), "{\"argv\": [\"/usr/bin/java\", \"-XX:+UseSerialGC\", "
                + "\"-XX:SharedArchiveFile=/old/jynq.jsa\", \"-Xss4m\", \"-cp\", \"/x.jar\", \"M\", \"{connection_file}\"]}");
        assertEquals(0, install("--refresh"));
        assertEquals(List.of("-XX:+UseSerialGC", "-Xshare:auto", "-Djava.awt.headless=true", "-XX:MaxRAM=4096m", "-Xss4m"), jvmOptions());
    }
}
