package io.jynq.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jynq.device.DeviceException;
import io.jynq.device.DeviceMemory;
import io.jynq.device.PlState;
import io.jynq.overlay.LoadOptions;
import io.jynq.overlay.Overlay;
import io.jynq.remote.client.BoardAddress;
import io.jynq.remote.client.BoardConnection;
import io.jynq.remote.client.RemoteDevice;
import io.jynq.testing.DspLoopback;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Faults: a connection dropped mid-transfer, a board that goes away, two clients on one board. */
class RemoteFaultTest {
    private static final BoardConnection.Settings QUICK = BoardConnection.Settings.PLAIN.withTimeout(Duration.ofSeconds(15));

    @Test
    void aConnectionDroppedMidTransferFailsTheCallNamingTheBoardAndTheClientReconnects(@TempDir Path dir) throws Exception {
        try (RemoteBoards b = new RemoteBoards(dir); TcpProxy proxy = new TcpProxy(b.server.port())) {
            BoardAddress via = new BoardAddress("127.0.0.1", proxy.port());
            try (RemoteDevice remote = RemoteDevice.connect(via, QUICK)) {
                DeviceMemory big = remote.allocate(32 << 20, 64, true);
                proxy.cutAfter(8 << 20); // a quarter into the flush
                DeviceException e = assertThrows(DeviceException.class, () -> big.flush(0, big.byteSize()));
                assertTrue(e.getMessage().contains("board " + via), e.getMessage());
                // the next call reconnects; the board freed the old connection's buffer
                DeviceMemory fresh = remote.allocate(4096, 64, true);
                fresh.buffer().putInt(0, 0x1234_5678);
                fresh.flush(0, 4096);
                fresh.buffer().putInt(0, 0);
                fresh.invalidate(0, 4096);
                assertEquals(0x1234_5678, fresh.buffer().getInt(0), "a buffer on the new connection round-trips");
                DeviceException gone = assertThrows(DeviceException.class, () -> big.invalidate(0, 4096));
                assertTrue(gone.getMessage().contains("not found") || gone.getMessage().contains("no buffer"), gone.getMessage());
            }
        }
    }

    @Test
    void aBoardThatGoesAwayFailsCallsWithinTheirDeadline(@TempDir Path dir) throws Exception {
        RemoteBoards b = new RemoteBoards(dir);
        RemoteDevice remote = b.connect(QUICK);
        Overlay.load("dsp_loopback", LoadOptions.defaults().withDevice(remote));
        var gpio = remote.map(DspLoopback.GPIO, 0x1000);
        gpio.write32(0, 5);
        BoardAddress address = b.address();
        b.close();
        DeviceException e = assertThrows(DeviceException.class, () -> gpio.read32(0));
        assertTrue(e.getMessage().contains("board " + address) && e.getMessage().contains("unreachable"), e.getMessage());
    }

    @Test
    void twoClientsSeeOnePlState(@TempDir Path dir) {
        try (RemoteBoards b = new RemoteBoards(dir)) {
            RemoteDevice alice = b.connect();
            RemoteDevice bob = b.connect();
            Overlay mine = Overlay.load("dsp_loopback", LoadOptions.defaults().withDevice(alice));
            PlState seenByBob = bob.plState();
            assertTrue(seenByBob.isProgrammed());
            assertEquals(alice.plState().timestamp(), seenByBob.timestamp());
            assertEquals(alice.plState().metadataSha256(), seenByBob.metadataSha256());
            assertEquals(b.sim.plState(), seenByBob, "bob sees the board's own state");
            assertTrue(mine.isLoaded());
            Overlay bobs = Overlay.load("dsp_loopback", LoadOptions.defaults().withDevice(bob));
            assertTrue(bobs.isLoaded());
            assertFalse(mine.isLoaded(), "after bob's download alice's overlay object is no longer the loaded one");
            assertEquals(bob.plState().timestamp(), alice.plState().timestamp());
        }
    }
}
