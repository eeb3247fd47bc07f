package io.jynq.kernel.install;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.jynq.config.JynqConfig;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The content of a JYNQ {@code kernel.json}.
 *
 * @param name        the kernelspec directory name notebooks refer to ({@code jynq})
 * @param displayName what the notebook's kernel menu shows
 * @param java        absolute path of the java binary: the JDK is fixed at install time, so a
 *                    changed PATH cannot start the kernel on another JDK (IJava #92, JJava #50)
 * @param classPath   absolute class path entries
 * @param jvmOptions  options before the main class
 */
public record KernelSpec(String name, String displayName, Path java, List<String> classPath, List<String> jvmOptions) {
    public static final String MAIN_CLASS = "io.jynq.kernel.cli.KernelMain";

    public KernelSpec {
        if (!java.isAbsolute()) {
            throw new IllegalArgumentException("the java path in a kernelspec must be absolute, got " + java);
        }
        classPath = List.copyOf(classPath);
        jvmOptions = List.copyOf(jvmOptions);
    }

    /**
     * The JVM options a user added to an installed kernelspec: those in its argv before
     * {@code -cp}, less the installer's defaults, the class-data archive and the crash-report
     * options (all written again on every install).
     *
     * @return the options in order; empty if the file does not exist
     * @throws UncheckedIOException naming the file if it exists but cannot be read as a kernelspec
     */
    public static List<String> userJvmOptions(Path kernelJson, List<String> defaults) {
        if (!Files.isRegularFile(kernelJson)) {
            return List.of();
        }
        try {
            JsonArray argv = JsonParser.parseString(Files.readString(kernelJson)).getAsJsonObject().getAsJsonArray("argv");
            List<String> options = new ArrayList<>();
            for (int i = 1; i < argv.size(); i++) {
                String a = argv.get(i).getAsString();
                if (a.equals("-cp") || a.equals("-classpath") || !a.startsWith("-")) {
                    break;
                }
                if (!defaults.contains(a) && !a.startsWith("-XX:SharedArchiveFile=") && !a.startsWith("-XX:ErrorFile=")
                        && !a.startsWith("-Djynq.crash.dir=")) {
                    options.add(a);
                }
            }
            return options;
        } catch (IOException | RuntimeException e) {
            throw new UncheckedIOException(new IOException(kernelJson + " is not a readable kernelspec: " + e, e));
        }
    }

    /**
     * Where the kernel's JVM writes its crash report ({@code hs_err_pid*.log}) should native code
     * crash it ({@link JynqConfig#crashDir()}: {@code ~/.jynq/crash}), never the notebook's folder,
     * which is the JVM's default. Only in-process C ({@code %%c NAME --in-process}) can still crash
     * the kernel.
     */
    public static Path crashDirectory() {
        return JynqConfig.current().crashDir().toAbsolutePath();
    }

    /** The kernel.json text; a {@code -XX:ErrorFile} under {@link #crashDirectory()} is added unless given. */
    public String toJson() {
        JsonArray argv = new JsonArray();
        argv.add(java.toString());
        jvmOptions.forEach(argv::add);
        if (jvmOptions.stream().noneMatch(o -> o.startsWith("-XX:ErrorFile="))) {
            argv.add("-XX:ErrorFile=" + crashDirectory().resolve("hs_err_pid%p.log"));
            argv.add("-Djynq.crash.dir=" + crashDirectory());
        }
        argv.add("-cp");
        argv.add(String.join(File.pathSeparator, classPath));
        argv.add(MAIN_CLASS);
        argv.add("{connection_file}");
        JsonObject spec = new JsonObject();
        spec.add("argv", argv);
        spec.addProperty("display_name", displayName);
        spec.addProperty("language", "java");
        spec.addProperty("interrupt_mode", "message");
        JsonObject metadata = new JsonObject();
        metadata.addProperty("debugger", false);
        spec.add("metadata", metadata);
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(spec) + "\n";
    }
}
