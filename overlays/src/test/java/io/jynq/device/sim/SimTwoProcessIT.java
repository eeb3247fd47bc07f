package io.jynq.device.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jynq.device.DeviceMemory;
import io.jynq.device.PlState;
import io.jynq.ip.AxiGpioLayout;
import io.jynq.testing.DspLoopback;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two JVMs share one simulated board, as two notebooks share a real one. */
@Tag("slow")
class SimTwoProcessIT {
    @TempDir
    Path dir;

    private static Process spawn(String... args) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(SecondProcess.class.getName());
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }

    private static String run(String... args) throws Exception {
        Process p = spawn(args);
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "second JVM finished");
        assertEquals(0, p.exitValue(), "second JVM: " + out);
        return out;
    }

    @Test
    void aRegisterWrittenByTheOtherJvmIsSeenHere() throws Exception {
        try (SimDevice board = DspLoopback.board(dir)) {
            String out = run("write", dir.toString(), "0xA");
            assertTrue(out.startsWith("wrote 0xA"), out);
            assertEquals(0xA, board.map(DspLoopback.GPIO, 0x10000).read32(AxiGpioLayout.GPIO_DATA));
        }
    }

    @Test
    void aDownloadByTheOtherJvmChangesThePlStateHere() throws Exception {
        try (SimDevice board = DspLoopback.board(dir)) {
            board.map(DspLoopback.GPIO, 0x10000).write32(AxiGpioLayout.GPIO_DATA, 0x3);
            PlState before = board.plState();
            run("download", dir.toString());
            PlState after = board.plState();
            assertNotEquals(before, after);
            assertTrue(after.timestamp().isAfter(before.timestamp()));
            assertEquals(0, board.map(DspLoopback.GPIO, 0x10000).read32(AxiGpioLayout.GPIO_DATA),
                    "the other download reset the registers");
        }
    }

    @Test
    void allocationsOfTwoJvmsAreDisjoint() throws Exception {
        try (SimDevice board = SimDevice.open(SimConfig.at(dir)); DeviceMemory mine = board.allocate(1 << 20, 64, false)) {
            Process p = spawn("allocate", dir.toString());
            BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            String[] line = r.readLine().trim().split(" ");
            long theirs = Long.parseLong(line[0]);
            long size = Long.parseLong(line[1]);
            assertFalse(theirs < mine.physicalAddress() + mine.byteSize() && mine.physicalAddress() < theirs + size,
                    "0x" + Long.toHexString(theirs) + " overlaps 0x" + Long.toHexString(mine.physicalAddress()));
            try (DeviceMemory more = board.allocate(1 << 20, 64, false)) {
                assertFalse(theirs < more.physicalAddress() + more.byteSize() && more.physicalAddress() < theirs + size);
            }
            p.getOutputStream().close();
            assertTrue(p.waitFor(60, TimeUnit.SECONDS));
            assertEquals(0, p.exitValue());
        }
    }
}
