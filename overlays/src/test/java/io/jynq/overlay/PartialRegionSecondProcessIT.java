package io.jynq.overlay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jynq.device.sim.SimConfig;
import io.jynq.device.sim.SimDevice;
import io.jynq.testing.Kv260Dfx;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PYNQ's partial reconfiguration seen from another process: after {@code ol.prDownload} here
 * (the real KV260 DFX design and its partial for {@code composable/pr_2}, ../shared), a second
 * JVM on the same simulated board finds the partial's IP in {@code PL.ipDict()} and its
 * hierarchy, and reaches its registers; after a full download it does not.
 */
class PartialRegionSecondProcessIT {
    private static final String REGION = Kv260Dfx.REGION;
    private static final long ADD_ACCEL = Kv260Dfx.ADD_ACCEL;
    @TempDir
    Path dir;

    /** {@link PlSnapshot}'s lines from a second JVM on the board in {@code board}. */
    private List<String> snapshot(Path board) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djynq.sim.dir=" + board, "-Djynq.cache.dir=" + dir.resolve("cache2"),
                "-cp", System.getProperty("java.class.path"), PlSnapshot.class.getName(), REGION, "0x" + Long.toHexString(ADD_ACCEL)));
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the second JVM finished");
        assertEquals(0, p.exitValue(), "the second JVM: " + out);
        return out.lines().toList();
    }

    @Test
    void aSecondJvmSeesThePartialsIpUntilAFullDownload() throws Exception {
        Path bit = Kv260Dfx.folder(dir);
        Path board = dir.resolve("board");
        System.setProperty("jynq.cache.dir", dir.resolve("cache").toString());
        try (SimDevice dev = SimDevice.open(SimConfig.at(board))) {
            Overlay ol = new Overlay(bit.toString(), LoadOptions.defaults().withDevice(dev));
            String bitfile = "bitfile " + bit.toAbsolutePath().normalize();
            assertEquals(List.of(bitfile, "ip []", "hierarchy -", "register -"), snapshot(board),
                    "before: the region is empty");

            ol.prDownload(REGION, "rm_partial.bit");
            ol.ip(REGION + "/add_accel").write(0x10, 0x1234);
            assertEquals(List.of(bitfile, "ip [" + REGION + "/add_accel]", "hierarchy [add_accel]", "register 0x1234"),
                    snapshot(board), "the second JVM sees the partial's IP, its hierarchy and its registers");

            ol.download();
            assertEquals(List.of(bitfile, "ip []", "hierarchy -", "register -"), snapshot(board),
                    "a full download clears the region for every process");
        }
    }
}
