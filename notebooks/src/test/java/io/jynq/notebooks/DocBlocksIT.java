package io.jynq.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every code block of README.md and docs/*.md runs as written: the {@code java} blocks of a file
 * become the cells of one notebook, executed in order by the real kernel through nbconvert (as a
 * stranger pasting them cell by cell would); the {@code bash} blocks' {@code ./jynq} metadata
 * commands run through the launcher against the suite's build. Blocks that start a server, run this suite, or need a
 * board or root ({@code console} blocks in docs/board.md) are not run; {@link #NOT_RUN} says which.
 */
@Tag("slow")
class DocBlocksIT {
    private static final Pattern BLOCK = Pattern.compile("^```(\\w*)\\n(.*?)^```", Pattern.MULTILINE | Pattern.DOTALL);
    /** ./jynq subcommands a bash block may run here: short-lived, read-only. */
    private static final Pattern SAFE_JYNQ = Pattern.compile("^\\./jynq (hwh|bit|core|d2l|overlays|test --summary)\\b(.*)$");
    /** ./jynq subcommands that cannot run inside the suite: a server, the suite itself, a build. */
    private static final List<String> NOT_RUN = List.of("notebook", "test", "build", "bench", "shell", "run",
            "install-kernel");

    @TempDir
    static Path work;
    private static NotebookRunner runner;

    @BeforeAll
    static void install() {
        runner = new NotebookRunner(work);
    }

    private static Path repo() {
        return Path.of("..").toAbsolutePath().normalize();
    }

    static List<String[]> blocks(Path md) throws IOException {
        List<String[]> out = new ArrayList<>();
        Matcher m = BLOCK.matcher(Files.readString(md));
        while (m.find()) {
            out.add(new String[] {m.group(1), m.group(2)});
        }
        return out;
    }

    private static List<Path> documents() throws IOException {
        List<Path> docs = new ArrayList<>(List.of(repo().resolve("README.md"), repo().resolve("notebooks/README.md")));
        try (Stream<Path> s = Files.list(repo().resolve("docs"))) {
            s.filter(p -> p.toString().endsWith(".md")).sorted().forEach(docs::add);
        }
        return docs;
    }

    /** A notebook whose cells are the java blocks of {@code md}. */
    private static Path notebookOf(Path md, List<String> cells) throws IOException {
        JsonArray cs = new JsonArray();
        for (String code : cells) {
            JsonObject c = new JsonObject();
            c.addProperty("id", "block-" + (cs.size() + 1));
            c.addProperty("cell_type", "code");
            c.add("metadata", new JsonObject());
            c.add("outputs", new JsonArray());
            c.add("execution_count", com.google.gson.JsonNull.INSTANCE);
            c.addProperty("source", code.stripTrailing());
            cs.add(c);
        }
        JsonObject nb = new JsonObject();
        nb.add("cells", cs);
        JsonObject meta = new JsonObject();
        JsonObject ks = new JsonObject();
        ks.addProperty("name", "jynq");
        ks.addProperty("display_name", "Java (JYNQ)");
        ks.addProperty("language", "java");
        meta.add("kernelspec", ks);
        nb.add("metadata", meta);
        nb.addProperty("nbformat", 4);
        nb.addProperty("nbformat_minor", 5);
        Path dir = Files.createDirectories(work.resolve("docs"));
        Path file = dir.resolve(md.getFileName().toString().replace(".md", "") + "-" + Math.abs(md.hashCode()) + ".ipynb");
        Files.writeString(file, new GsonBuilder().serializeNulls().setPrettyPrinting().create().toJson(nb), StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void javaBlocksRunThroughTheKernelAsWritten() throws IOException {
        int total = 0;
        for (Path md : documents()) {
            List<String> java = new ArrayList<>();
            for (String[] b : blocks(md)) {
                if (b[0].equals("java")) {
                    java.add(b[1]);
                }
            }
            if (java.isEmpty()) {
                continue;
            }
            total += java.size();
            NotebookRunner.ExecutedNotebook nb = runner.run(notebookOf(md, java), Map.of());
            assertEquals(List.of(), nb.errors(), md + ": a java block fails; executed copy " + nb.file());
            JsonArray cells = nb.json().getAsJsonArray("cells");
            for (int i = 0; i < cells.size(); i++) {
                JsonArray outputs = cells.get(i).getAsJsonObject().getAsJsonArray("outputs");
                assertTrue(outputs.size() > 0, md + ": block " + (i + 1) + " shows nothing:\n" + java.get(i));
            }
            if (md.getFileName().toString().equals("README.md") && md.getParent().equals(repo())) {
                String text = nb.text();
                assertTrue(text.contains("axi_dma_0") && text.contains("(processing system)"), "ipDict() as a table:\n" + text);
                assertTrue(text.contains("XYChart \"FIR\""), text);
                assertTrue(text.lines().anyMatch(l -> l.strip().equals("7")), "add.call(3, 4):\n" + text);
                assertTrue(text.lines().anyMatch(l -> l.strip().equals("42")), "ol.dsp_loopback.add(2, 40):\n" + text);
                assertEquals(1, nb.count("image/png"), "the FIR plot");
            }
        }
        assertTrue(total >= 5, "README's first notebook alone has five java blocks, found " + total);
    }

    @Test
    void bashBlocksRunOrSayWhyNot() throws Exception {
        List<String> skipped = new ArrayList<>();
        int ran = 0;
        for (Path md : documents()) {
            for (String[] b : blocks(md)) {
                if (!b[0].equals("bash")) {
                    continue;
                }
                for (String line : b[1].split("\n")) {
                    String cmd = line.replaceAll("\\s+#.*$", "").strip();
                    if (cmd.isEmpty() || cmd.startsWith("#")) {
                        continue;
                    }
                    Matcher safe = SAFE_JYNQ.matcher(cmd);
                    if (safe.matches()) {
                        run(md, safe.group(1) + safe.group(2));
                        ran++;
                    } else {
                        String sub = cmd.startsWith("./jynq ") ? cmd.split("\\s+")[1] : "";
                        assertTrue(NOT_RUN.contains(sub), md + ": a bash block line neither runs here nor is known "
                                + "not to (add it to NOT_RUN with the reason): " + cmd);
                        skipped.add(md.getFileName() + ": " + cmd);
                    }
                }
            }
        }
        System.out.println("doc bash lines run: " + ran + "; not run (server, the suite itself, a build): " + skipped);
    }

    /**
     * {@code ./jynq CMD ARGS} through the launcher itself, from the repository root, on the suite's
     * build ({@code JYNQ_NO_BUILD}): calling JynqMain directly missed that the launcher did not
     * dispatch {@code board} and {@code sim}.
     */
    private static void run(Path md, String args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(repo().resolve("jynq").toString()));
        cmd.addAll(List.of(args.strip().split("\\s+")));
        Path log = work.resolve("bash-" + Math.abs(args.hashCode()) + ".log");
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(repo().toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        pb.environment().put("JYNQ_NO_BUILD", "1");
        pb.environment().put("JAVA_HOME", NotebookRunner.kernelJava().getParent().getParent().toString());
        Process p = pb.start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "timed out: ./jynq " + args);
        assertEquals(0, p.exitValue(), md + ": ./jynq " + args + " failed:\n" + Files.readString(log));
    }
}
