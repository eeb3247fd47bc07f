package io.jynq.device.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jynq.device.DeviceException;
import io.jynq.device.DeviceMemory;
import io.jynq.device.OutOfDeviceMemoryException;
import io.jynq.device.PlState;
import io.jynq.testing.DspLoopback;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14: corrupt or stale state files each ended in a permanent error whose hint did not help.
 * Each message now names the file and the fix, {@code ./jynq sim reset} ({@link BoardReset})
 * clears the board, and a killed download leaves no {@code *.tmp} behind.
 */
class BoardStateRepairTest {
    @TempDir
    Path dir;

    private SimDevice open() {
        return SimDevice.open(SimConfig.at(dir).withDdrBytes(16L << 20));
    }

    private static void assertNamesFileAndFix(DeviceException e, Path file) {
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("./jynq sim reset"), e.getMessage());
    }

    @Test
    void aPlStateThatIsNotUtf8NamesTheFileAndTheResetClearsIt() throws Exception {
        try (SimDevice board = open()) {
            Files.write(dir.resolve("pl_state.json"), new byte[] {'{', (byte) 0xC3, (byte) 0x28, '}'});
            assertNamesFileAndFix(assertThrows(DeviceException.class, board::plState), dir.resolve("pl_state.json"));
            assertTrue(BoardReset.reset(dir, false).contains("pl_state.json"));
            assertEquals(PlState.EMPTY, board.plState());
            board.download(DspLoopback.bit(), DspLoopback.metadata(), false);
            assertTrue(board.plState().isProgrammed());
        }
    }

    /**
     * A state file of format 1 written after a partial download names the partial's design, not
     * the full one: this process says it cannot attach, instead of modelling the wrong design, and
     * the next download replaces the file with format 2.
     */
    @Test
    void anOldFormatPartialStateIsRefusedWithTheWayOutAndTheNextDownloadReplacesIt() throws Exception {
        try (SimDevice writer = open()) {
            writer.download(DspLoopback.bit(), DspLoopback.metadata(), false);
            String sha = writer.plState().metadataSha256();
            Files.writeString(dir.resolve("pl_state.json"), "{\"bitfile_name\":\"" + DspLoopback.bit() + "\",\"timestamp\":\""
                    + writer.plState().timestamp() + "\",\"metadata_sha256\":\"" + sha + "\",\"partial\":true}");
        }
        try (SimDevice board = open()) {
            DeviceException e = assertThrows(DeviceException.class, board::ipDict);
            assertTrue(e.getMessage().contains("(a partial bitstream)") && e.getMessage().contains("download the overlay in this process"),
                    e.getMessage());
            board.download(DspLoopback.bit(), DspLoopback.metadata(), false);
            assertTrue(board.ipDict().containsKey("axi_dma_0"));
            assertTrue(Files.readString(dir.resolve("pl_state.json")).contains("\"format\":2"));
        }
    }

    @Test
    void aTimestampAtInstantMaxDoesNotStopTheNextDownload() throws Exception {
        try (SimDevice board = open()) {
            Files.writeString(dir.resolve("pl_state.json"), "{\"bitfile_name\":\"/x.bit\",\"timestamp\":\"" + Instant.MAX
                    + "\",\"metadata_sha256\":\"00\",\"partial\":false}", StandardCharsets.UTF_8);
            board.download(DspLoopback.bit(), DspLoopback.metadata(), false);
            Instant t = board.plState().timestamp();
            assertTrue(t.isBefore(Instant.now().plusSeconds(60)), "a sane timestamp: " + t);
            board.map(DspLoopback.GPIO, 0x10000).write32(0, 1);
        }
    }

    @Test
    void anArenaOwnedByALiveUnrelatedPidIsNamedAndResetWithForce() throws Exception {
        Path table = dir.resolve("ddr.arenas");
        Files.createDirectories(dir);
        long stranger = ProcessHandle.current().parent().orElseThrow().pid();  // alive, and not a JYNQ board user
        ByteBuffer b = ByteBuffer.allocate(20 + 24).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0x5244444A).putInt(1).putLong(16L << 20).putInt(1).putLong(0).putLong(16L << 20).putLong(stranger);
        Files.write(table, b.array());
        try (SimDevice board = open()) {
            OutOfDeviceMemoryException e = assertThrows(OutOfDeviceMemoryException.class,
                    () -> board.allocate(4096, 64, false));
            assertTrue(e.getMessage().contains("pid " + stranger) && e.getMessage().contains("./jynq sim reset"),
                    e.getMessage());
            DeviceException refused = assertThrows(DeviceException.class, () -> BoardReset.reset(dir, false));
            assertTrue(refused.getMessage().contains("pid " + stranger) && refused.getMessage().contains("--force"),
                    refused.getMessage());
        }
        BoardReset.reset(dir, true);
        try (SimDevice board = open(); DeviceMemory m = board.allocate(4096, 64, false)) {
            m.buffer().putInt(0, 1);
        }
    }

    @Test
    void aDdrFileSmallerThanOneArenaNamesTheFileAndTheFix() throws Exception {
        Files.createDirectories(dir);
        Files.write(dir.resolve("ddr.bin"), new byte[1 << 20]);
        DeviceException e = assertThrows(DeviceException.class, this::open);
        assertNamesFileAndFix(e, dir.resolve("ddr.bin"));
        BoardReset.reset(dir, false);
        try (SimDevice board = open(); DeviceMemory m = board.allocate(4096, 64, false)) {
            assertEquals(16L << 20, board.ddrBytes());
        }
    }

    @Test
    void aCorruptArenaTableNamesTheFileAndTheFix() throws Exception {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("ddr.arenas"), "garbage, not an arena table");
        try (SimDevice board = open()) {
            assertNamesFileAndFix(assertThrows(DeviceException.class, () -> board.allocate(4096, 64, false)),
                    dir.resolve("ddr.arenas"));
        }
        BoardReset.reset(dir, false);
        try (SimDevice board = open(); DeviceMemory m = board.allocate(4096, 64, false)) {
            m.buffer().putInt(0, 1);
        }
    }

    @Test
    void aResetMakesHandlesOfTheClearedDesignStale() {
        try (SimDevice board = open()) {
            board.download(DspLoopback.bit(), DspLoopback.metadata(), false);
            var gpio = board.map(DspLoopback.GPIO, 0x10000);
            BoardReset.reset(dir, false);
            DeviceException e = assertThrows(DeviceException.class, () -> gpio.read32(0));
            assertTrue(e.getMessage().contains("it is empty"), e.getMessage());
        }
    }

    @Test
    void temporaryFilesOfKilledDownloadsAreSweptByTheNextOne() throws Exception {
        Files.createDirectories(dir);
        // what a download killed between createTempFile and rename leaves behind
        Files.writeString(dir.resolve("pl_state.json1234567.tmp"), "{");
        Files.writeString(dir.resolve("design-ab.hwh7654321.tmp"), "<EDK");
        // and a real one: a JVM downloading in a loop, killed with SIGKILL
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), SecondProcess.class.getName(), "stress", dir.toString(),
                "dsp", "100000"));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!Files.exists(dir.resolve("pl_state.json")) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        Thread.sleep(300);
        p.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        try (SimDevice board = open()) {
            board.download(DspLoopback.bit(), DspLoopback.metadata(), false);
            SimDownloadStressTest.requireComplete(dir);
        }
        try (Stream<Path> files = Files.list(dir)) {
            List<String> left = files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".tmp")).toList();
            assertEquals(List.of(), left);
        }
    }
}
