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
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A D2L register program (dsp_loopback's ADD: two writes, AP_START, a poll of AP_DONE and a read,
 * on the HLS adder's ap_ctrl_hs handshake) run on a remote board: with JYNQ's extensions the
 * five steps are one round trip, counted by the server (plus the overlay's PL state check);
 * against a stock PYNQ.remote server
 * it is one call per access; the sum is the same. A poll in a register program that the board
 * cannot satisfy fails with {@link HardwareTimeoutException} naming the register.
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
                // one round trip runs the five steps; one more is the overlay's check that the PL
                // still holds its design (another client may have downloaded since), made per operation
                assertEquals(2, calls, "the whole ADD operation in one program call plus the PL state check");
                // AP_DONE (CTRL bit 1) never rises while the adder is not started
                HardwareTimeoutException e = assertThrows(HardwareTimeoutException.class, () -> ol.ip("add_0").mmio().space()
                        .runProgram(List.of(RegisterOp.poll(0, 4, 0x2, 0x2, Duration.ofMillis(20)))));
                assertTrue(e.getMessage().contains("did not reach 0x2"), e.getMessage());
            } else {
                assertTrue(calls >= 5, "a stock server takes one call per access, got " + calls);
            }
        }
    }
}
