package io.jynq.notebooks;

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
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Executes a tutorial with the real kernel through Debian's Jupyter ({@code /usr/bin/python3 -m
 * nbconvert --execute}), the way CI and {@code ./jynq run} do. The kernel is installed as
 * kernelspec {@code jynq} (the name the notebooks ask for) under a temporary prefix, never in the
 * user's Jupyter folders, started with this test JVM's class path and {@link #kernelJava()}. The simulated board,
 * the overlay cache and the C compile cache live in the same temporary folder.
 */
final class NotebookRunner {
    /** Per-notebook limit: kernel start, JShell start and every cell. */
    static final int CELL_TIMEOUT_SECONDS = 180;

    private final Path work;
    private final Path prefix;

    NotebookRunner(Path work) {
        this.work = work;
        this.prefix = work.resolve("prefix");
        List<String> cp = Arrays.asList(System.getProperty("java.class.path").split(File.pathSeparator));
        KernelSpec spec = new KernelSpec("jynq", "Java (JYNQ, IT)", kernelJava(), cp,
                List.of("-XX:+UseSerialGC", "-Djava.awt.headless=true"));
        KernelSpecInstaller.install(spec, KernelSpecInstaller.kernelsDir(KernelSpecInstaller.Scope.PREFIX, prefix));
    }

    /**
     * The kernel's java: system property {@code jynq.it.java} or {@code JYNQ_IT_JAVA} (as the kernel
     * ITs take it, e.g. the newest LTS JDK), else the JDK running the tests.
     */
    static Path kernelJava() {
        return JynqConfig.current().path(Setting.IT_JAVA).map(Path::toAbsolutePath)
                .orElseGet(() -> Path.of(System.getProperty("java.home"), "bin", "java"));
    }

    /**
     * Points Jupyter at the temporary kernelspec and the kernel at a private simulated board,
     * overlay cache and C compile cache.
     */
    void environment(Map<String, String> e) {
        e.put("JUPYTER_PATH", prefix.resolve("share/jupyter").toString());
        e.put("JUPYTER_RUNTIME_DIR", work.resolve("runtime").toString());
        e.put("JUPYTER_DATA_DIR", work.resolve("data").toString());
        e.put("JUPYTER_CONFIG_DIR", work.resolve("config").toString());
        e.put("JYNQ_DEVICE", "sim");
        e.put("JYNQ_SIM_DIR", work.resolve("sim").toString());
        e.put("JYNQ_CACHE_DIR", work.resolve("cache").toString());
        e.put("JYNQ_CC_CACHE", work.resolve("cc").toString());
        e.put("PYDEVD_DISABLE_FILE_VALIDATION", "1");
    }

    /**
     * Runs {@code notebook} (errors allowed, so every failing cell is reported) and returns the
     * executed copy, written under {@code target/executed}.
     *
     * @param env extra environment for the kernel, e.g. {@code JYNQ_OVERLAY_PATH}
     */
    ExecutedNotebook run(Path notebook, Map<String, String> env) {
        Path outDir = Path.of("target", "executed").toAbsolutePath();
        try {
            Files.createDirectories(outDir);
            ProcessBuilder pb = new ProcessBuilder("/usr/bin/python3", "-m", "nbconvert", "--to", "notebook", "--execute",
                    "--allow-errors", "--ExecutePreprocessor.timeout=" + CELL_TIMEOUT_SECONDS,
                    "--ExecutePreprocessor.kernel_name=jynq", "--output-dir", outDir.toString(), notebook.toString());
            environment(pb.environment());
            pb.environment().putAll(env);
            pb.directory(notebook.getParent().toFile());
            Path log = work.resolve(notebook.getFileName() + ".log");
            pb.redirectErrorStream(true).redirectOutput(log.toFile());
            Process p = pb.start();
            if (!p.waitFor(CELL_TIMEOUT_SECONDS * 3L, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError(notebook + " did not finish; log: " + Files.readString(log));
            }
            if (p.exitValue() != 0) {
                throw new AssertionError("nbconvert failed on " + notebook + " (exit " + p.exitValue() + "); is Jupyter "
                        + "installed for /usr/bin/python3 (apt-get install jupyter-nbconvert)?\n" + Files.readString(log));
            }
            Path executed = outDir.resolve(notebook.getFileName());
            return new ExecutedNotebook(executed, JsonParser.parseString(Files.readString(executed, StandardCharsets.UTF_8))
                    .getAsJsonObject());
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", ex);
        }
    }

    /** An executed notebook's outputs, as the assertions read them. */
    record ExecutedNotebook(Path file, JsonObject json) {

        /** Every output of every code cell. */
        List<JsonObject> outputs() {
            List<JsonObject> out = new ArrayList<>();
            for (JsonElement c : json.getAsJsonArray("cells")) {
                JsonArray outputs = c.getAsJsonObject().getAsJsonArray("outputs");
                if (outputs != null) {
                    outputs.forEach(o -> out.add(o.getAsJsonObject()));
                }
            }
            return out;
        }

        /** The error outputs, each as "ename: evalue". */
        List<String> errors() {
            return outputs().stream().filter(o -> o.get("output_type").getAsString().equals("error"))
                    .map(o -> o.get("ename").getAsString() + ": " + o.get("evalue").getAsString())
                    .collect(Collectors.toList());
        }

        /** stderr streams (warnings a tutorial should not print). */
        String stderr() {
            return outputs().stream().filter(o -> o.get("output_type").getAsString().equals("stream")
                    && o.get("name").getAsString().equals("stderr")).map(o -> text(o.get("text")))
                    .collect(Collectors.joining());
        }

        /** All text a reader sees: streams and the text/plain of results and displays. */
        String text() {
            StringBuilder b = new StringBuilder();
            for (JsonObject o : outputs()) {
                if (o.has("text")) {
                    b.append(text(o.get("text")));
                } else if (o.has("data") && o.getAsJsonObject("data").has("text/plain")) {
                    b.append(text(o.getAsJsonObject("data").get("text/plain")));
                }
                b.append('\n');
            }
            return b.toString();
        }

        /** How many outputs carry the MIME type, e.g. image/png. */
        long count(String mime) {
            return outputs().stream().filter(o -> o.has("data") && o.getAsJsonObject("data").has(mime)).count();
        }

        private static String text(JsonElement e) {
            if (e.isJsonArray()) {
                StringBuilder b = new StringBuilder();
                e.getAsJsonArray().forEach(x -> b.append(x.getAsString()));
                return b.toString();
            }
            return e.getAsString();
        }
    }
}
