package io.jynq.kernel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jynq.device.DeviceException;
import io.jynq.device.sim.SimConfig;
import io.jynq.device.sim.SimDevice;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.function.Executable;
import picocli.CommandLine;

/** {@code ./jynq sim reset}: the way out of a corrupt simulated board state (issue 14). */
class SimCommandTest {
    @TempDir
    Path dir;
    private String before;

    @AfterEach
    void restore() {
        if (before == null) {
            System.clearProperty("jynq.sim.dir");
        } else {
            System.setProperty("jynq.sim.dir", before);
        }
    }

    @Test
    void resetClearsACorruptPlStateSoTheBoardWorksAgain() throws Exception {
        before = System.getProperty("jynq.sim.dir");
        System.setProperty("jynq.sim.dir", dir.toString());
        Files.writeString(dir.resolve("pl_state.json"), "{not json");
        try (SimDevice board = SimDevice.open(SimConfig.at(dir).withDdrBytes(4L << 20))) {
            Executable read = board::plState;
            org.junit.jupiter.api.Assertions.assertThrows(DeviceException.class, read);
        }
        assertEquals(0, new CommandLine(new JynqMain()).execute("sim", "reset"));
        assertFalse(Files.exists(dir.resolve("pl_state.json")));
        try (SimDevice board = SimDevice.open(SimConfig.at(dir).withDdrBytes(4L << 20))) {
            assertTrue(!board.plState().isProgrammed());
        }
        assertEquals(0, new CommandLine(new JynqMain()).execute("sim", "reset"), "a second reset is harmless");
    }
}
