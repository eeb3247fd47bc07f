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
    private static Path driver;

    private KernelHarness() {
    }

    static synchronized JsonObject scenario(String name) {
        return RESULTS.computeIfAbsent(name, KernelHarness::run);
    }

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
        prefix = Files.createTempDirectory("jynq-it-prefix");
        KernelSpec spec = new KernelSpec("jynq-it", "Java (JYNQ IT)", kernelJava(), cp,
                List.of("-XX:+UseSerialGC", "-Djava.awt.headless=true"));
        KernelSpecInstaller.install(spec, KernelSpecInstaller.kernelsDir(KernelSpecInstaller.Scope.PREFIX, prefix));
        driver = prefix.resolve("kernel_driver.py");
        try (InputStream in = KernelHarness.class.getResourceAsStream("kernel_driver.py")) {
            Files.copy(in, driver, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static JsonObject run(String scenario) {
        try {
            install();
            ProcessBuilder pb = new ProcessBuilder("/usr/bin/python3", driver.toString(), scenario, "jynq-it");
            pb.environment().put("JUPYTER_PATH", prefix.resolve("share/jupyter").toString());
            pb.environment().put("JUPYTER_RUNTIME_DIR", prefix.resolve("runtime").toString());
            pb.environment().put("PYDEVD_DISABLE_FILE_VALIDATION", "1");
            pb.environment().put("JYNQ_IT_NOTEBOOKS", Path.of("..", "notebooks").toAbsolutePath().normalize().toString());
            pb.environment().put("TMPDIR", prefix.toString());
            pb.environment().put("JYNQ_HISTORY", prefix.resolve(scenario + "-history.jsonl").toString());
            File log = prefix.resolve(scenario + ".log").toFile();
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

    /** text/plain of the execute_result of a run. */
    static String result(JsonObject run) {
        JsonObject r = first(run, "execute_result");
        return r == null ? null : r.getAsJsonObject("data").get("text/plain").getAsString();
    }
}
