package io.jynq.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jynq.device.DeviceMemory;
import io.jynq.remote.client.RemoteDevice;
import io.jynq.remote.server.BoardServer;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Buffers of several megabytes (several 1 MiB messages, and a last one of odd size) move intact
 * both ways, checked against the board's own DDR as the server's simulated board holds it (what a
 * DMA engine on the board would read and write), not against the client's copy: the bulk calls
 * are parsed by {@code BulkMarshalling}, which aliases message bytes instead of copying them.
 */
class RemoteBulkTest {
    private static final int SIZE = (3 << 20) + 12;

    @ParameterizedTest(name = "extensions={0}")
    @ValueSource(booleans = {true, false})
    void megabytesReachTheBoardsDdrAndComeBackIntact(boolean extensions, @TempDir Path dir) {
        try (RemoteBoards boards = new RemoteBoards(dir, BoardServer.Options.loopback(dir.resolve("board-root"))
                .withExtensions(extensions))) {
            RemoteDevice remote = boards.connect();
            DeviceMemory buffer = remote.allocate(SIZE, 4096, true);
            ByteBuffer ddr = boards.sim.map(buffer.physicalAddress(), SIZE).plainMemory();
            byte[] sent = random(1, SIZE);
            buffer.buffer().put(sent);
            buffer.flush(0, SIZE);
            assertEquals(ByteBuffer.wrap(sent), ddr.duplicate().clear(), "the board's DDR after flush");

            byte[] written = random(2, SIZE); // as a DMA engine on the board writes the buffer
            ddr.duplicate().clear().put(written);
            byte[] stale = new byte[SIZE];
            java.util.Arrays.fill(stale, (byte) 0xAA);
            buffer.buffer().put(stale);
            int from = 100_001;
            int length = (2 << 20) + 3;
            buffer.invalidate(from, length);
            byte[] local = new byte[SIZE];
            buffer.buffer().get(local);
            assertEquals(ByteBuffer.wrap(written, from, length), ByteBuffer.wrap(local, from, length), "the invalidated range");
            if (extensions) {
                // ranged: bytes outside the range keep the CPU's view
                assertEquals(ByteBuffer.wrap(stale, 0, from), ByteBuffer.wrap(local, 0, from), "before the range");
                assertEquals(ByteBuffer.wrap(stale, from + length, SIZE - from - length),
                        ByteBuffer.wrap(local, from + length, SIZE - from - length), "after the range");
            } else {
                // a stock PYNQ.remote board moves the whole buffer, as PYNQ's client does
                assertEquals(ByteBuffer.wrap(written), ByteBuffer.wrap(local), "the whole buffer");
            }
        }
    }

    private static byte[] random(long seed, int n) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }
}
