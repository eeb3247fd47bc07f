package io.jynq.device.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jynq.device.PlState;
import io.jynq.device.PlStateStore;
import io.jynq.testing.DspLoopback;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14: two JVMs on one simulated board download different overlays (dsp_loopback and
 * tiny_zynq) 200 times each, as fast as they can. Each one, after every download, checks under
 * the board lock that {@code pl_state.json} names a complete design (its register file and its
 * {@code .hwh} copy exist and are whole), that its handles from before its own download now fail
 * with the stale-handle message, and that every access through a handle either works on the
 * design the PL holds or fails with that message ({@link SecondProcess} {@code stress}). Before
 * the board lock, 18 of 60 such runs ended with "register file ... is missing or short".
 */
class SimDownloadStressTest {
    static final int DOWNLOADS = 200;

    @TempDir
    Path tmp;

    @Test
    void twoJvmsDownloadingDifferentOverlaysNeverCorruptTheBoardNorUseAStaleHandle() throws Exception {
        Path board = Files.createDirectories(tmp.resolve("board"));
        List<Process> children = new ArrayList<>();
        for (String design : List.of("dsp", "tiny")) {
            List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                    SecondProcess.class.getName(), "stress", board.toString(), design, String.valueOf(DOWNLOADS)));
            children.add(new ProcessBuilder(cmd).redirectErrorStream(true).start());
        }
        for (Process p : children) {
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            assertTrue(p.waitFor(5, TimeUnit.MINUTES), "a child JVM did not finish: " + out);
            assertEquals(0, p.exitValue(), "child JVM failed:\n" + out);
            assertTrue(out.lines().anyMatch(l -> l.startsWith("ok " + DOWNLOADS + " ")), out);
        }
        requireComplete(board);
        try (Stream<Path> files = Files.list(board)) {
            List<String> names = files.map(p -> p.getFileName().toString()).toList();
            assertEquals(1, names.stream().filter(n -> n.endsWith(".regs")).count(), "one register file: " + names);
            assertTrue(names.stream().noneMatch(n -> n.endsWith(".tmp")), "no temporary files: " + names);
        }
        try (SimDevice third = SimDevice.open(SimConfig.at(board))) {
            third.map(DspLoopback.BRAM, 0x2000).write32(0, 0x5A);
            assertEquals(0x5A, third.map(DspLoopback.BRAM, 0x2000).read32(0), "a third process attaches and works");
        }
    }

    /**
     * @throws AssertionError unless the PL state in {@code dir} names a design whose {@code .hwh}
     *     copy and whole register file exist (the caller holds the board lock)
     */
    static void requireComplete(Path dir) {
        PlState s = new PlStateStore(dir).read();
        if (!s.isProgrammed()) {
            throw new AssertionError("the PL state names no design after a download");
        }
        BoardFiles files = new BoardFiles(dir);
        Path design = files.designFile(s.metadataSha256());
        Path regs = files.regsFile(s);
        try {
            long need = RegisterWindows.size(io.jynq.metadata.HwhParser.parse(design));
            if (!Files.isRegularFile(regs) || Files.size(regs) < need) {
                throw new AssertionError("the PL state " + s + " names register file " + regs + " which is missing or short");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** tiny_zynq's {@code .hwh} from the test class path. */
    static Path tinyHwh() {
        try {
            return Path.of(SimDownloadStressTest.class.getResource("/io/jynq/metadata/tiny_zynq.hwh").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A valid bitstream named {@code tiny_zynq.bit} in {@code dir} (dsp_loopback's content), created once. */
    static Path tinyBit(Path dir) {
        Path bit = dir.resolve("tiny_zynq.bit");
        try {
            if (!Files.exists(bit)) {
                Path t = Files.createTempFile(dir, "tiny_zynq", ".part");
                Files.copy(DspLoopback.bit(), t, StandardCopyOption.REPLACE_EXISTING);
                Files.move(t, bit, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bit;
    }
}
