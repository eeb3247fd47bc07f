package io.jynq.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jynq.d2l.BoundDevice;
import io.jynq.device.RegisterOp;
import io.jynq.error.HardwareTimeoutException;
import io.jynq.ffi.cc.CCompiler;
import io.jynq.overlay.LoadOptions;
import io.jynq.overlay.Overlay;
import io.jynq.overlay.ops.DeviceOps;
import io.jynq.remote.client.RemoteDevice;
import io.jynq.remote.server.BoardServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A D2L register program (dsp_loopback's ADD: two writes, AP_START, a poll of AP_DONE and a read,
 * on the HLS adder's ap_ctrl_hs handshake) run on a remote board: with JYNQ's extensions the
 * five steps are one round trip, counted by the server, with no PL state query of its own;
 * against a stock PYNQ.remote server it is one call per access; the sum is the same. A poll in a
 * register program that the board cannot satisfy fails with {@link HardwareTimeoutException}
 * naming the register. When a second client downloads meanwhile, the board itself refuses the
 * first client's next operation, in that same one round trip.
 */
class RemoteD2lTest {

    @ParameterizedTest(name = "extensions={0}")
    @ValueSource(booleans = {true, false})
    void aRegisterProgramIsOneRoundTripWithExtensions(boolean extensions, @TempDir Path dir) {
        try (RemoteBoards boards = new RemoteBoards(dir, BoardServer.Options.loopback(dir.resolve("board-root"))
                .withExtensions(extensions))) {
            RemoteDevice remote = boards.connect();
            Overlay ol = Overlay.load("dsp_loopback", LoadOptions.defaults().withDevice(remote));
            BoundDevice dev = DeviceOps.open(ol, "DSP_LOOPBACK", new CCompiler(dir.resolve("cc"), "gcc", Duration.ofMinutes(2)));
            dev.call("ADD", Map.of("a", 1, "b", 1)); // windows opened, drivers bound
            long before = boards.server.callsServed();
            assertEquals(-7L + 1_000_000L, dev.call("ADD", Map.of("a", -7, "b", 1_000_000)));
            long calls = boards.server.callsServed() - before;
            if (extensions) {
                // one round trip runs the five steps; the program names the design it expects, so
                // no separate PL state query precedes it
                assertEquals(1, calls, "the whole ADD operation in one program call");
                // AP_DONE (CTRL bit 1) never rises while the adder is not started
                HardwareTimeoutException e = assertThrows(HardwareTimeoutException.class, () -> ol.ip("add_0").mmio().space()
                        .runProgram(List.of(RegisterOp.poll(0, 4, 0x2, 0x2, Duration.ofMillis(20)))));
                assertTrue(e.getMessage().contains("did not reach 0x2"), e.getMessage());
            } else {
                assertTrue(calls >= 5, "a stock server takes one call per access, got " + calls);
            }
        }
    }

    @Test
    void aSecondClientsDownloadMakesTheBoardRefuseTheProgram(@TempDir Path dir) {
        try (RemoteBoards boards = new RemoteBoards(dir)) {
            RemoteDevice alice = boards.connect();
            RemoteDevice bob = boards.connect();
            Overlay ol = Overlay.load("dsp_loopback", LoadOptions.defaults().withDevice(alice));
            BoundDevice dev = DeviceOps.open(ol, "DSP_LOOPBACK", new CCompiler(dir.resolve("cc"), "gcc", Duration.ofMinutes(2)));
            assertEquals(5L, dev.call("ADD", Map.of("a", 2, "b", 3)));
            Overlay bobs = Overlay.load("dsp_loopback", LoadOptions.defaults().withDevice(bob)); // a new download: the PL's state changes
            long before = boards.server.callsServed();
            RuntimeException e = assertThrows(RuntimeException.class, () -> dev.call("ADD", Map.of("a", 2, "b", 3)));
            assertEquals(1, boards.server.callsServed() - before, "refused by the board in the program's own round trip");
            String m = messages(e);
            assertTrue(m.contains("stale design") && m.contains("dsp_loopback") && m.contains("another client downloaded"), m);
            // bob's own operations run: the board holds his download
            BoundDevice bobsDev = DeviceOps.open(bobs, "DSP_LOOPBACK", new CCompiler(dir.resolve("cc"), "gcc", Duration.ofMinutes(2)));
            assertEquals(9L, bobsDev.call("ADD", Map.of("a", 4, "b", 5)));
        }
    }

    private static String messages(Throwable e) {
        StringBuilder b = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            b.append(t.getClass().getSimpleName()).append(": ").append(t.getMessage()).append(" | ");
        }
        return b.toString();
    }
}
