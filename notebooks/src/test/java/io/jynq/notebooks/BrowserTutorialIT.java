package io.jynq.notebooks;

import io.jynq.config.JynqConfig;
import io.jynq.config.Setting;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The main job in a real browser: Jupyter Notebook (Debian's {@code jupyter-notebook}, what
 * {@code ./jynq notebook} starts) serving a copy of tutorial 2 with the JYNQ kernel, driven by
 * Debian's headless Chromium through playwright-core ({@code src/test/e2e/run-all.mjs}): Cell >
 * Run All from the menu, wait for the plot, no error output, screenshot in
 * {@code target/e2e/tutorial-02.png}.
 *
 * <p>Needs {@code /usr/bin/chromium} ({@code apt-get install chromium}) and node/npm (playwright-core
 * is installed from the npm registry into {@code target/e2e}); skipped without them, unless
 * {@code JYNQ_E2E=require}, which makes their absence a failure.
 */
@Tag("slow")
class BrowserTutorialIT {
    private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));

    @TempDir
    Path work;

    @Test
    void runAllOfTutorialTwoFromTheBrowserDrawsThePlot() throws Exception {
        boolean require = "require".equals(JynqConfig.current().string(Setting.E2E, ""));
        boolean tools = Files.isExecutable(CHROMIUM) && onPath("node") && onPath("npm") && onPath("jupyter-notebook");
        if (require) {
            assertTrue(tools, "JYNQ_E2E=require but chromium, node, npm or jupyter-notebook is missing");
        }
        assumeTrue(tools, "no " + CHROMIUM + ", node, npm or jupyter-notebook: apt-get install chromium nodejs npm jupyter-notebook");

        Path e2e = Path.of("target", "e2e").toAbsolutePath();
        Files.createDirectories(e2e);
        for (String f : List.of("package.json", "run-all.mjs")) {
            Files.copy(Path.of("src/test/e2e", f), e2e.resolve(f), StandardCopyOption.REPLACE_EXISTING);
        }
        if (!Files.isDirectory(e2e.resolve("node_modules/playwright-core"))) {
            exec(e2e, 300, "npm", "install", "--no-audit", "--no-fund");
        }

        NotebookRunner runner = new NotebookRunner(work);
        Path nbs = Files.createDirectories(work.resolve("notebooks"));
        Files.copy(Path.of("02-dma-and-plot.ipynb"), nbs.resolve("02-dma-and-plot.ipynb")); // the UI saves: never the repo's copy
        int port = freePort();
        String token = UUID.randomUUID().toString();
        ProcessBuilder server = new ProcessBuilder("jupyter-notebook", "--no-browser", "--allow-root", "--ip=127.0.0.1",
                "--port=" + port, "--NotebookApp.token=" + token, "--notebook-dir=" + nbs)
                .redirectErrorStream(true).redirectOutput(work.resolve("server.log").toFile());
        runner.environment(server.environment());
        Process p = server.start();
        try {
            awaitPort(port, 60);
            Path shot = e2e.resolve("tutorial-02.png");
            Files.deleteIfExists(shot);
            String out = exec(e2e, 400, "node", "run-all.mjs",
                    "http://127.0.0.1:" + port + "/notebooks/02-dma-and-plot.ipynb?token=" + token, shot.toString(), "300");
            String[] lines = out.strip().split("\n");
            JsonObject result = JsonParser.parseString(lines[lines.length - 1]).getAsJsonObject();
            assertEquals(0, result.getAsJsonArray("errors").size(), "error outputs in the browser: " + result);
            assertEquals(2, result.get("pngs").getAsInt(), "the line plot and the histogram: " + result);
            assertEquals(11, result.get("cells").getAsInt(), result.toString());
            assertTrue(Files.size(shot) > 10_000, "screenshot " + shot);
        } finally {
            // the server's kernels are its children: stop them too
            p.descendants().forEach(ProcessHandle::destroy);
            p.destroy();
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
            }
        }
    }

    private static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }

    /** Runs a command in {@code dir}; returns its output; fails with it on a non-zero exit or timeout. */
    private static String exec(Path dir, int seconds, String... command) throws IOException, InterruptedException {
        Path log = Files.createTempFile("jynq-e2e", ".log");
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        boolean done = p.waitFor(seconds, TimeUnit.SECONDS);
        if (!done) {
            p.destroyForcibly();
        }
        String out = Files.readString(log);
        Files.delete(log);
        if (!done || p.exitValue() != 0) {
            throw new AssertionError(String.join(" ", command) + (done ? " exited " + p.exitValue() : " timed out") + ":\n" + out);
        }
        return out;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static void awaitPort(int port, int seconds) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < end) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return;
            } catch (IOException e) {
                Thread.sleep(200);
            }
        }
        throw new AssertionError("jupyter-notebook did not listen on port " + port + " within " + seconds + " s");
    }
}
