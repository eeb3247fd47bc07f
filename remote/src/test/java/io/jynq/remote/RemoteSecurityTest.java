package io.jynq.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jynq.device.DeviceException;
import io.jynq.device.DeviceMemory;
import io.jynq.device.OutOfDeviceMemoryException;
import io.jynq.overlay.LoadOptions;
import io.jynq.overlay.Overlay;
import io.jynq.remote.client.BoardConnection;
import io.jynq.remote.client.RemoteDevice;
import io.jynq.remote.server.BoardServer;
import io.jynq.remote.server.Limits;
import io.jynq.testing.DspLoopback;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The board server's security model, seen from a client. */
class RemoteSecurityTest {

    @Test
    void aTokenServerRefusesClientsWithoutIt(@TempDir Path dir) {
        try (RemoteBoards b = new RemoteBoards(dir, BoardServer.Options.loopback(dir.resolve("root")).withToken("s3cret"))) {
            BoardConnection.Settings quick = BoardConnection.Settings.PLAIN.withTimeout(Duration.ofSeconds(10));
            DeviceException none = assertThrows(DeviceException.class, () -> b.connect(quick));
            assertTrue(none.getMessage().contains("requires a token") && none.getMessage().contains(b.address().toString()),
                    none.getMessage());
            DeviceException wrong = assertThrows(DeviceException.class, () -> b.connect(quick.withToken("guess")));
            assertTrue(wrong.getMessage().contains("wrong token"), wrong.getMessage());
            RemoteDevice ok = b.connect(quick.withToken("s3cret"));
            assertEquals("sim", ok.boardBackend());
        }
    }

    @Test
    void mmioWindowsOnlyInsideTheLoadedDesign(@TempDir Path dir) {
        try (RemoteBoards b = new RemoteBoards(dir)) {
            RemoteDevice remote = b.connect();
            DeviceException before = assertThrows(DeviceException.class, () -> remote.map(DspLoopback.GPIO, 0x1000));
            assertTrue(before.getMessage().contains("no design loaded"), before.getMessage());
            remote.map(0xF800_0000L, 0x200).read32(0x108); // the PS clock registers are always open
            Overlay.load("dsp_loopback", LoadOptions.defaults().withDevice(remote));
            assertEquals(b.sim.map(DspLoopback.GPIO, 0x1000).read32(0x4), remote.map(DspLoopback.GPIO, 0x1000).read32(0x4),
                    "GPIO_TRI of channel 1 reads as on the served board");
            DeviceException outside = assertThrows(DeviceException.class, () -> remote.map(0x0, 0x1000));
            assertTrue(outside.getMessage().contains("--allow-raw-mmio"), outside.getMessage());
            DeviceException overlong = assertThrows(DeviceException.class, () -> remote.map(DspLoopback.GPIO, 0x10_0000));
            assertTrue(overlong.getMessage().contains("inside no IP"), overlong.getMessage());
        }
        try (RemoteBoards raw = new RemoteBoards(dir.resolve("raw"), BoardServer.Options.loopback(dir.resolve("raw-root")).withRawMmio(true))) {
            RemoteDevice remote = raw.connect();
            Overlay.load("dsp_loopback", LoadOptions.defaults().withDevice(remote));
            assertThrows(DeviceException.class, () -> remote.map(0x0, 0x1000).read32(0),
                    "--allow-raw-mmio opens the window; the simulator still has nothing at 0");
        }
    }

    @Test
    void requestsAreBounded(@TempDir Path dir) {
        Limits small = new Limits(1 << 20, 64 << 10, 1 << 20, 1 << 16, 16, 4, 1000);
        try (RemoteBoards b = new RemoteBoards(dir, BoardServer.Options.loopback(dir.resolve("root")).withLimits(small))) {
            RemoteDevice remote = b.connect();
            OutOfDeviceMemoryException big = assertThrows(OutOfDeviceMemoryException.class, () -> remote.allocate(2 << 20, 64, true));
            assertTrue(big.getMessage().contains("must be 1..1048576"), big.getMessage());
            IllegalArgumentException file = assertThrows(IllegalArgumentException.class,
                    () -> remote.writeFile("/home/xilinx/big.bin", new byte[100 << 10]));
            assertTrue(file.getMessage().contains("exceeds 65536 bytes"), file.getMessage());
            assertFalse(remote.existsFile("/home/xilinx/big.bin"), "a refused upload leaves no file");
            for (int i = 0; i < 4; i++) {
                remote.allocate(4096, 64, true);
            }
            assertThrows(OutOfDeviceMemoryException.class, () -> remote.allocate(4096, 64, true), "at most 4 buffers per connection");
        }
    }

    @Test
    void aDisconnectedClientsBuffersAreFreed(@TempDir Path dir) throws Exception {
        try (RemoteBoards b = new RemoteBoards(dir)) {
            int before = b.sim.memoryStats().liveBuffers();
            RemoteDevice remote = RemoteDevice.connect(b.address(), BoardConnection.Settings.PLAIN);
            for (int i = 0; i < 3; i++) {
                DeviceMemory m = remote.allocate(1 << 16, 64, true);
                m.buffer().putInt(0, i);
            }
            assertEquals(before + 3, b.sim.memoryStats().liveBuffers());
            assertEquals(3, b.server.liveBuffers());
            dropConnection(remote);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (b.server.liveBuffers() != 0 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertEquals(0, b.server.liveBuffers(), "the board freed the buffers of a connection that ended");
            assertEquals(before, b.sim.memoryStats().liveBuffers());
        }
    }

    /** Ends the client's connection without freeing anything, as a crashed notebook would. */
    private static void dropConnection(RemoteDevice remote) throws Exception {
        var f = RemoteDevice.class.getDeclaredField("c");
        f.setAccessible(true);
        ((BoardConnection) f.get(remote)).close();
    }

    @Test
    void uploadsOutsideTheBoardRootAreRefused(@TempDir Path dir) throws Exception {
        try (RemoteBoards b = new RemoteBoards(dir)) {
            RemoteDevice remote = b.connect();
            Path outside = Files.createDirectories(dir.resolve("outside"));
            Files.createSymbolicLink(Files.createDirectories(dir.resolve("board-root/home")).resolve("xilinx"), outside);
            IllegalArgumentException link = assertThrows(IllegalArgumentException.class,
                    () -> remote.writeFile("/home/xilinx/notebook.ipynb", new byte[] {1}));
            assertTrue(link.getMessage().contains("symbolic link"), link.getMessage());
            assertThrows(IllegalArgumentException.class, () -> remote.readFile("/../../../etc/passwd"));
            try (var files = Files.list(outside)) {
                assertEquals(0, files.count(), "nothing was written through the link");
            }
        }
    }
}
