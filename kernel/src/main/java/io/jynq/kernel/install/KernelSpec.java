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
import java.util.Map;
import java.util.TreeMap;

/**
 * The content of a JYNQ {@code kernel.json}.
 *
 * @param name        the kernelspec directory name notebooks refer to ({@code jynq})
 * @param displayName what the notebook's kernel menu shows
 * @param java        absolute path of the java binary: the JDK is fixed at install time, so a
 *                    changed PATH cannot start the kernel on another JDK (IJava #92, JJava #50)
 * @param classPath   absolute class path entries
 * @param jvmOptions  options before the main class
 * @param env         environment variables Jupyter sets for the kernel (kernel.json's {@code env})
 * @param sizing      how install-kernel chose the options, kept for {@code --refresh}; null if not
 */
public record KernelSpec(String name, String displayName, Path java, List<String> classPath, List<String> jvmOptions,
        Map<String, String> env, Sizing sizing) {
    public static final String MAIN_CLASS = "io.jynq.kernel.cli.KernelMain";
    /** kernel.json's metadata key under which {@link Sizing} is recorded. */
    static final String SIZING_KEY = "jynq_install";

    /**
     * What install-kernel was asked for, recorded in kernel.json's metadata.
     *
     * @param memory         {@code --memory} as given (e.g. {@code 512m}), or null for this machine's memory
     * @param userJvmOptions the {@code --jvm-option}s, in order
     */
    public record Sizing(String memory, List<String> userJvmOptions) {
        public Sizing {
            userJvmOptions = List.copyOf(userJvmOptions);
        }
    }

    public KernelSpec {
        if (!java.isAbsolute()) {
            throw new IllegalArgumentException("the java path in a kernelspec must be absolute, got " + java);
        }
        classPath = List.copyOf(classPath);
        jvmOptions = List.copyOf(jvmOptions);
        env = Map.copyOf(env);
    }

    /** A kernelspec with no environment and no recorded sizing (tests, ITs). */
    public KernelSpec(String name, String displayName, Path java, List<String> classPath, List<String> jvmOptions) {
        this(name, displayName, java, classPath, jvmOptions, Map.of(), null);
    }

    /**
     * The sizing recorded by an earlier install-kernel in {@code kernelJson}.
     *
     * @return null if the file does not exist or records none (written before install-kernel recorded it)
     * @throws UncheckedIOException naming the file if it exists but cannot be read as a kernelspec
     */
    public static Sizing recordedSizing(Path kernelJson) {
        if (!Files.isRegularFile(kernelJson)) {
            return null;
        }
        try {
            JsonObject meta = JsonParser.parseString(Files.readString(kernelJson)).getAsJsonObject().getAsJsonObject("metadata");
            if (meta == null || !meta.has(SIZING_KEY)) {
                return null;
            }
            JsonObject s = meta.getAsJsonObject(SIZING_KEY);
            List<String> opts = new ArrayList<>();
            s.getAsJsonArray("jvm_options").forEach(e -> opts.add(e.getAsString()));
            return new Sizing(s.has("memory") && !s.get("memory").isJsonNull() ? s.get("memory").getAsString() : null, opts);
        } catch (IOException | RuntimeException e) {
            throw new UncheckedIOException(new IOException(kernelJson + " is not a readable kernelspec: " + e, e));
        }
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
        if (sizing != null) {
            JsonObject s = new JsonObject();
            s.addProperty("memory", sizing.memory());
            JsonArray user = new JsonArray();
            sizing.userJvmOptions().forEach(user::add);
            s.add("jvm_options", user);
            metadata.add(SIZING_KEY, s);
        }
        spec.add("metadata", metadata);
        if (!env.isEmpty()) {
            JsonObject e = new JsonObject();
            new TreeMap<>(env).forEach(e::addProperty);
            spec.add("env", e);
        }
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeNulls().create().toJson(spec) + "\n";
    }
}
