package io.jynq.kernel.it;

import io.jynq.config.JynqConfig;
import io.jynq.config.Setting;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.jynq.kernel.install.KernelSpec;
import io.jynq.kernel.install.KernelSpecInstaller;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Installs the built kernel as a kernelspec under a temporary prefix (never the user's Jupyter
 * folders) and runs {@code kernel_driver.py} scenarios with Debian's jupyter_client
 * ({@code /usr/bin/python3}), returning the JSON each printed. Each scenario runs once per test
 * JVM; the ITs assert on parts of its result.
 *
 * <p>The kernel's JDK: system property {@code jynq.it.java} or environment variable
 * {@code JYNQ_IT_JAVA} (a java binary), else the JDK running the tests.
 */
final class KernelHarness {
    private static final Map<String, JsonObject> RESULTS = new ConcurrentHashMap<>();
    private static Path prefix;
    private static List<String> classPath;

    private KernelHarness() {
    }

    static synchronized JsonObject scenario(String name) {
        return RESULTS.computeIfAbsent(name, n -> run("kernel_driver.py", n, KERNEL, Map.of()));
    }

    /** A scenario of {@code kernel_driver.py} with extra environment for the driver (not cached). */
    static synchronized JsonObject scenario(String name, Map<String, String> env) {
        return run("kernel_driver.py", name, KERNEL, env);
    }

    /**
     * A scenario of {@code transport_driver.py} (issue 12's transport items) on the kernelspec
     * {@code kernel}: {@link #KERNEL}, or {@link #SMALL_HEAP_KERNEL} (-Xmx128m, the heap of a PYNQ-Z2).
     */
    static synchronized JsonObject transport(String name, String kernel) {
        return RESULTS.computeIfAbsent("transport:" + name + ":" + kernel, k -> run("transport_driver.py", name, kernel, Map.of()));
    }

    /** The kernelspec every IT uses. */
    static final String KERNEL = "jynq-it";
    /** The same kernel with a 128 MB heap. */
    static final String SMALL_HEAP_KERNEL = "jynq-it-small";

    static Path kernelJava() {
        return JynqConfig.current().path(Setting.IT_JAVA).map(Path::toAbsolutePath)
                .orElseGet(() -> Path.of(System.getProperty("java.home"), "bin", "java"));
    }

    private static synchronized void install() throws IOException {
        if (prefix != null) {
            return;
        }
        Path target = Path.of("target").toAbsolutePath();
        List<String> cp = new ArrayList<>();
        try (Stream<Path> jars = Files.list(target)) {
            jars.filter(p -> p.getFileName().toString().matches("jynq-kernel-.*\\.jar")
                            && !p.getFileName().toString().contains("tests")
                            && !p.getFileName().toString().contains("sources"))
                    .forEach(p -> cp.add(p.toString()));
        }
        if (cp.isEmpty()) {
            throw new IllegalStateException("no kernel jar in " + target + ": run the ITs with mvn verify");
        }
        try (Stream<Path> jars = Files.list(target.resolve("lib"))) {
            cp.addAll(jars.map(Path::toString).sorted().collect(Collectors.toList()));
        }
        classPath = List.copyOf(cp);
        prefix = Files.createTempDirectory("jynq-it-prefix");
        Path kernels = KernelSpecInstaller.kernelsDir(KernelSpecInstaller.Scope.PREFIX, prefix);
        KernelSpecInstaller.install(new KernelSpec(KERNEL, "Java (JYNQ IT)", kernelJava(), cp,
                List.of("-XX:+UseSerialGC", "-Djava.awt.headless=true")), kernels);
        KernelSpecInstaller.install(new KernelSpec(SMALL_HEAP_KERNEL, "Java (JYNQ IT, 128 MB)", kernelJava(), cp,
                List.of("-XX:+UseSerialGC", "-Xmx128m", "-Djava.awt.headless=true")), kernels);
        for (String script : List.of("kernel_driver.py", "transport_driver.py")) {
            try (InputStream in = KernelHarness.class.getResourceAsStream(script)) {
                Files.copy(in, prefix.resolve(script), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    /** The kernel's class path (the built jar and its libraries), absolute. */
    static synchronized List<String> classPath() {
        prefix();
        return classPath;
    }

    /** The kernelspecs' prefix (share/jupyter/kernels under it); installs them on first use. */
    static synchronized Path prefix() {
        try {
            install();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return prefix;
    }

    private static JsonObject run(String script, String scenario, String kernel, Map<String, String> env) {
        try {
            install();
            ProcessBuilder pb = new ProcessBuilder("/usr/bin/python3", prefix.resolve(script).toString(), scenario, kernel);
            // the JIT warm-up would spend CPU in every kernel left idle for a second, on CI's two
            // cores; KernelJitWarmupIT turns it on where it is the subject
            pb.environment().put("JYNQ_JIT_WARMUP", "off");
            pb.environment().putAll(env);
            pb.environment().put("JUPYTER_PATH", prefix.resolve("share/jupyter").toString());
            pb.environment().put("JUPYTER_RUNTIME_DIR", prefix.resolve("runtime").toString());
            pb.environment().put("PYDEVD_DISABLE_FILE_VALIDATION", "1");
            pb.environment().put("JYNQ_IT_NOTEBOOKS", Path.of("..", "notebooks").toAbsolutePath().normalize().toString());
            pb.environment().put("TMPDIR", prefix.toString());
            pb.environment().put("JYNQ_HISTORY", prefix.resolve(scenario + "-history.jsonl").toString());
            File log = prefix.resolve(scenario + "-" + kernel + ".log").toFile();
            pb.redirectError(log);
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(300, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("driver scenario " + scenario + " timed out; log: " + log);
            }
            String stderr = Files.readString(log.toPath());
            if (p.exitValue() != 0) {
                throw new IllegalStateException("driver scenario " + scenario + " failed (exit " + p.exitValue()
                        + "); is jupyter-client installed for /usr/bin/python3?\n" + stderr);
            }
            String[] lines = out.strip().split("\n");
            return JsonParser.parseString(lines[lines.length - 1]).getAsJsonObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The outputs array of a {@code run(...)} entry. */
    static JsonArray outputs(JsonObject run) {
        return run.getAsJsonArray("outputs");
    }

    /** The first output of a type ("execute_result", "stream", ...), or null. */
    static JsonObject first(JsonObject run, String type) {
        for (JsonElement e : outputs(run)) {
            if (e.getAsJsonObject().get("type").getAsString().equals(type)) {
                return e.getAsJsonObject().getAsJsonObject("content");
            }
        }
        return null;
    }

    /** The status of a run's execute_reply: "ok", "error" or "aborted". */
    static String status(JsonObject run) {
        return run.getAsJsonObject("reply").get("status").getAsString();
    }

    /** The text of every stream output of a run (stdout and stderr as they came), joined. */
    static String streamText(JsonObject run) {
        StringBuilder sb = new StringBuilder();
        for (JsonElement e : outputs(run)) {
            if (e.getAsJsonObject().get("type").getAsString().equals("stream")) {
                sb.append(e.getAsJsonObject().getAsJsonObject("content").get("text").getAsString());
            }
        }
        return sb.toString();
    }

    /** text/plain of the execute_result of a run. */
    static String result(JsonObject run) {
        JsonObject r = first(run, "execute_result");
        return r == null ? null : r.getAsJsonObject("data").get("text/plain").getAsString();
    }
}
