package io.jynq.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./jynq} launcher as a user types it, in an empty home directory ({@code HOME} set to
 * a temporary folder, {@code JYNQ_NO_BUILD=1} so the suite's own build is used): the help lists
 * every command, a typo prints the same usage, {@code notebook --help} builds nothing,
 * {@code install-kernel} writes under {@code $HOME}, and {@code run} reports a failing cell by
 * number, line and Java error, writes the executed notebook anyway, and takes
 * {@code --allow-errors} and {@code --timeout}.
 */
@Tag("slow")
class LauncherIT {
    @TempDir
    static Path work;
    private static Path home;

    record Result(int exit, String out, String err) {
    }

    @BeforeAll
    static void home() throws IOException {
        home = Files.createDirectories(work.resolve("home"));
    }

    private static Path repo() {
        return Path.of("..").toAbsolutePath().normalize();
    }

    static Result jynq(String... args) throws Exception {
        return jynqAt(repo().resolve("jynq"), args);
    }

    /** {@code ./jynq ARGS} as a user in an empty home would start it, not yet waited for. */
    private static ProcessBuilder launcher(Path script, String... args) {
        return launcher(script, home, args);
    }

    private static ProcessBuilder launcher(Path script, Path home, String... args) {
        List<String> cmd = new ArrayList<>(List.of(script.toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(work.toFile());
        Map<String, String> e = pb.environment();
        e.keySet().removeIf(k -> k.startsWith("JUPYTER_") || k.startsWith("JYNQ_"));
        e.put("HOME", home.toString());
        e.put("JYNQ_NO_BUILD", "1");
        e.put("JYNQ_DEVICE", "sim");
        e.put("JYNQ_SIM_DIR", work.resolve("sim").toString());
        e.put("JYNQ_CACHE_DIR", work.resolve("cache").toString());
        e.put("JYNQ_CC_CACHE", work.resolve("cc").toString());
        e.put("JYNQ_HISTORY", "off");
        return pb;
    }

    static Result jynqAt(Path script, String... args) throws Exception {
        return jynqAt(script, home, args);
    }

    static Result jynqAt(Path script, Path home, String... args) throws Exception {
        ProcessBuilder pb = launcher(script, home, args);
        Path out = Files.createTempFile(work, "out", ".txt");
        Path err = Files.createTempFile(work, "err", ".txt");
        Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(300, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("./jynq " + String.join(" ", args) + " did not finish: " + Files.readString(err));
        }
        return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    @Test
    void helpListsEveryCommandAndATypoPrintsTheSameUsage() throws Exception {
        Result help = jynq("--help");
        assertEquals(0, help.exit());
        for (String c : List.of("hwh", "bit", "core", "d2l", "overlays", "notebook", "run", "install-kernel", "shell",
                "build", "test", "bench")) {
            assertTrue(help.out().contains("\n  " + c + " "), c + " missing from --help:\n" + help.out());
        }
        Result typo = jynq("notebok");
        assertEquals(2, typo.exit());
        assertTrue(typo.err().startsWith("jynq: unknown command 'notebok'\n"), typo.err());
        assertTrue(typo.err().contains(help.out()), "the same usage as --help:\n" + typo.err());
    }

    @Test
    void versionNamesTheBuild() throws Exception {
        Result r = jynq("--version");  // was "unknown command '--version'" though JynqMain answers it
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().matches("jynq \\d+\\.\\d+\\.\\d+\\S*\\n"), r.out());
    }

    @Test
    void simResetRunsAsTheReadmeSaysIt() throws Exception {
        // the launcher answered "unknown command 'sim'" (and 'board') though --help and README list them
        Result r = jynq("sim", "reset", "--force");
        assertEquals(0, r.exit(), r.out() + r.err());
        assertFalse(r.err().contains("unknown command"), r.err());
    }

    @Test
    void boardServeThroughTheLauncherServesTheSimulatedBoard() throws Exception {
        Process p = launcher(repo().resolve("jynq"), "board", "serve", "--listen", "127.0.0.1:0")
                .redirectError(work.resolve("board-serve.err").toFile()).start();
        try (java.io.BufferedReader out = new java.io.BufferedReader(
                new java.io.InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line = out.readLine();  // the server's one line when ready; null if it ended
            assertTrue(line != null && line.startsWith("jynq board server listening on 127.0.0.1:"),
                    line + "\n" + Files.readString(work.resolve("board-serve.err")));
            assertTrue(line.contains("(sim backend"), line);
            int port = Integer.parseInt(line.replaceFirst("^jynq board server listening on 127\\.0\\.0\\.1:(\\d+) .*$", "$1"));
            io.jynq.remote.client.RemoteDevice board = io.jynq.remote.client.RemoteDevice.connect(
                    new io.jynq.remote.client.BoardAddress("127.0.0.1", port), io.jynq.remote.client.BoardConnection.Settings.PLAIN);
            try {
                assertTrue(board.offers("sim"), "the simulator's controls are offered by a --device sim server");
            } finally {
                board.close();
            }
        } finally {
            p.destroy();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
    }

    @Test
    void runAfterARebuildKeepsTheJvmOptionsOfInstallKernel() throws Exception {
        // a checkout of its own (the launcher, the suite's kernel build linked in) whose build stamp can move
        Path co = Files.createDirectories(work.resolve("options-checkout"));
        Path script = Files.copy(repo().resolve("jynq"), co.resolve("jynq"));
        Path target = Files.createDirectories(co.resolve("kernel/target"));
        Path built = repo().resolve("kernel/target");
        try (var files = Files.list(built)) {
            for (Path jar : files.filter(f -> f.getFileName().toString().matches("jynq-kernel-[^-]+(-SNAPSHOT)?\\.jar")).toList()) {
                Files.createSymbolicLink(target.resolve(jar.getFileName()), jar);
            }
        }
        Files.createSymbolicLink(target.resolve("lib"), built.resolve("lib"));
        Files.createSymbolicLink(co.resolve("kernel/src"), repo().resolve("kernel/src"));
        Path ownHome = Files.createDirectories(work.resolve("options-home"));

        Result install = jynqAt(script, ownHome, "install-kernel", "--jvm-option", "-Djynq.audit=kept");
        assertEquals(0, install.exit(), install.out() + install.err());
        Path spec = ownHome.resolve(".local/share/jupyter/kernels/jynq/kernel.json");
        // a later build: the launcher rewrites the kernelspec before it runs the next notebook
        Files.setLastModifiedTime(spec, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() - 120_000));
        Files.writeString(target.resolve(".jynq-built"), "");
        java.nio.file.attribute.FileTime before = Files.getLastModifiedTime(spec);

        Path nb = notebook("options.ipynb", "System.getProperty(\"jynq.audit\")");
        Path out = work.resolve("options-out.ipynb");
        Result r = jynqAt(script, ownHome, "run", nb.toString(), "--output", out.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(Files.getLastModifiedTime(spec).compareTo(before) > 0, "the kernelspec was rewritten after the build");
        assertTrue(Files.readString(spec).contains("\"-Djynq.audit=kept\""), Files.readString(spec));
        assertTrue(outputs(out, 0).contains("kept"), "the kernel got the option: " + outputs(out, 0));
    }

    @Test
    void testSummaryCountsTestsAndWhySomeSkipped() throws Exception {
        // the launcher alone in a folder of its own, with reports in the shapes Surefire and Failsafe write
        Path checkout = Files.createDirectories(work.resolve("checkout"));
        Path script = Files.copy(repo().resolve("jynq"), checkout.resolve("jynq"));
        report(checkout.resolve("overlays/target/surefire-reports/TEST-a.HwhTest.xml"), 5,
                "Assumption failed: shared test data not found (looked for ../shared); these tests need ../shared",
                "Assumption failed: shared test data not found (looked for ../shared); these tests need ../shared",
                "Assumption failed: JYNQ_PYNQ_SRC does not name a folder");
        report(checkout.resolve("overlays/target/failsafe-reports/TEST-a.PartialIT.xml"), 2);
        report(checkout.resolve("kernel/target/surefire-reports/TEST-b.KernelTest.xml"), 3);
        Result r = jynqAt(script, "test", "--summary");
        assertEquals(0, r.exit(), r.err());
        assertEquals(String.join("\n", "| module | tests | skipped: no ../shared | skipped: other |",
                "| --- | --- | --- | --- |", "| `overlays` | 7 | 2 | 1 |", "| `kernel` | 3 | 0 | 0 |", "| all | 10 | 2 | 1 |", ""),
                r.out());
    }

    /** A test report as Surefire writes it: {@code tests} test cases, one skipped per message. */
    private static void report(Path file, int tests, String... skips) throws IOException {
        StringBuilder b = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuite xmlns:xsi=\"x\" version=\"3.0.2\""
                + " name=\"t\" time=\"0.1\" tests=\"" + tests + "\" errors=\"0\" skipped=\"" + skips.length + "\" failures=\"0\">\n");
        for (int i = 0; i < tests; i++) {
            b.append("  <testcase name=\"t").append(i).append("\" classname=\"t\" time=\"0\"");
            if (i < skips.length) {
                b.append(">\n    <skipped type=\"org.opentest4j.TestAbortedException\"><![CDATA[org.opentest4j.TestAbortedException: ")
                        .append(skips[i]).append("\n\tat org.junit.Assumptions.assumeTrue(Assumptions.java:1)\n]]></skipped>\n  </testcase>\n");
            } else {
                b.append("/>\n");
            }
        }
        Files.createDirectories(file.getParent());
        Files.writeString(file, b.append("</testsuite>\n"));
    }

    @Test
    void notebookHelpNeedsNoBuildAndNoJupyter() throws Exception {
        Result r = jynq("notebook", "--help");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().startsWith("Usage: ./jynq notebook [DIR]"), r.out());
        assertFalse(r.err().contains("building"), r.err());
    }

    @Test
    void installKernelWritesUnderHome() throws Exception {
        Result r = jynq("install-kernel");
        assertEquals(0, r.exit(), r.out() + r.err());
        Path spec = home.resolve(".local/share/jupyter/kernels/jynq/kernel.json");
        assertTrue(Files.isRegularFile(spec), "no kernelspec under $HOME: " + r.out() + r.err());
    }

    private static Path notebook(String name, String... cells) throws IOException {
        StringBuilder b = new StringBuilder("{\"cells\": [");
        for (int i = 0; i < cells.length; i++) {
            b.append(i == 0 ? "" : ",").append("{\"id\": \"c").append(i).append("\", \"cell_type\": \"code\", ")
                    .append("\"metadata\": {}, \"outputs\": [], \"execution_count\": null, \"source\": ")
                    .append(new com.google.gson.Gson().toJson(cells[i])).append('}');
        }
        b.append("], \"metadata\": {\"kernelspec\": {\"name\": \"jynq\", \"display_name\": \"Java (JYNQ)\", "
                + "\"language\": \"java\"}}, \"nbformat\": 4, \"nbformat_minor\": 5}");
        Path nb = work.resolve(name);
        Files.writeString(nb, b, StandardCharsets.UTF_8);
        return nb;
    }

    @Test
    void runReportsTheFailingCellAndWritesTheNotebookAnyway() throws Exception {
        Path nb = notebook("broken.ipynb", "System.out.println(\"first cell ran\");",
                "int x = 1;\nString s = 42;", "System.out.println(\"third cell ran\");");
        Path out = work.resolve("broken-out.ipynb");
        Result r = jynq("run", nb.toString(), "--output", out.toString());
        assertEquals(1, r.exit(), r.err());
        assertTrue(r.err().contains("code cell 2 failed at its line 2:\n    String s = 42;\n"), r.err());
        assertTrue(r.err().contains("incompatible types"), r.err());
        assertFalse(r.err().contains("Traceback (most recent call last)"), r.err());
        assertTrue(outputs(out, 0).contains("first cell ran"), outputs(out, 0));
        assertTrue(outputs(out, 1).contains("\"output_type\":\"error\""), outputs(out, 1));
        assertEquals("[]", outputs(out, 2), "stops at the failing cell");

        Result all = jynq("run", nb.toString(), "--output", out.toString(), "--allow-errors");
        assertEquals(0, all.exit(), all.err());
        assertTrue(all.err().contains("code cell 2 failed"), all.err());
        assertTrue(outputs(out, 2).contains("third cell ran"), outputs(out, 2));
    }

    /** The outputs of one cell of an executed notebook, as JSON. */
    private static String outputs(Path nb, int cell) throws IOException {
        return JsonParser.parseString(Files.readString(nb)).getAsJsonObject().getAsJsonArray("cells").get(cell)
                .getAsJsonObject().getAsJsonArray("outputs").toString();
    }

    @Test
    void runStopsACellAtTheTimeout() throws Exception {
        // generous: the first cell also waits for JShell to start, which takes long on a loaded machine
        Path nb = notebook("slow.ipynb", "1 + 1", "Thread.sleep(600_000);");
        Result r = jynq("run", nb.toString(), "--timeout", "45");
        assertEquals(1, r.exit(), r.err());
        assertTrue(r.err().contains("did not finish within 45 s (--timeout) (code cell 2: Thread.sleep(600_000);)"), r.err());
        assertTrue(Files.isRegularFile(work.resolve("slow.nbconvert.ipynb")));
    }
}
