package io.jynq.device.embedded;

import io.jynq.config.JynqConfig;
import io.jynq.config.Setting;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jynq.device.Device;
import io.jynq.device.DeviceException;
import io.jynq.device.Devices;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedDeviceProviderTest {
    @TempDir
    Path tmp;

    @AfterEach
    void clearRoot() {
        System.clearProperty("jynq.board.root");
        System.clearProperty("jynq.state.dir");
    }

    @Test
    void jynqDeviceEmbeddedOpensTheBoardAtTheConfiguredRoot() {
        FakeBoard board = new FakeBoard(tmp);
        System.setProperty("jynq.board.root", board.root.toString());
        assertTrue(new EmbeddedDeviceProvider().isAvailable());
        try (Device dev = Devices.open("embedded")) {
            EmbeddedDevice embedded = assertInstanceOf(EmbeddedDevice.class, dev);
            assertEquals("embedded", dev.name());
            assertEquals(board.root, embedded.paths().root());
            assertEquals(board.root.resolve("var/lib/jynq"), embedded.paths().stateDirectory());
        }
    }

    @Test
    void withNoDeviceNamedTheProbeLooksForFpgaManagerUnderTheBoardRoot() {
        org.junit.jupiter.api.Assumptions.assumeTrue(JynqConfig.current().value(Setting.DEVICE).isEmpty(), "JYNQ_DEVICE is set");
        System.setProperty("jynq.board.root", tmp.toString());
        assertEquals("sim", Devices.requestedName(), "no FPGA Manager under the root: the simulator");
        FakeBoard board = new FakeBoard(tmp.resolve("board"));
        System.setProperty("jynq.board.root", board.root.toString());
        assertEquals("embedded", Devices.requestedName(), "FPGA Manager under JYNQ_BOARD_ROOT: the board");
        System.setProperty("jynq.device", "SIM");
        try {
            assertEquals("sim", Devices.requestedName(), "a named backend wins over the probe");
        } finally {
            System.clearProperty("jynq.device");
        }
    }

    @Test
    void theStateDirectoryCanBeMovedOnItsOwn() {
        FakeBoard board = new FakeBoard(tmp.resolve("root"));
        System.setProperty("jynq.board.root", board.root.toString());
        System.setProperty("jynq.state.dir", tmp.resolve("state").toString());
        assertEquals(tmp.resolve("state"), BoardPaths.fromEnvironment().stateDirectory());
    }

    @Test
    void withoutFpgaManagerTheBackendRefusesToStartAndSaysWhatToDo() {
        System.setProperty("jynq.board.root", tmp.toString());
        assertFalse(new EmbeddedDeviceProvider().isAvailable());
        DeviceException e = assertThrows(DeviceException.class, () -> Devices.open("embedded"));
        assertTrue(e.getMessage().contains("use JYNQ_DEVICE=sim"), e.getMessage());
    }
}
