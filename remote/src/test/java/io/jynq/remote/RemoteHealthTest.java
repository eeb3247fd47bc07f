package io.jynq.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jynq.device.DeviceMemory;
import io.jynq.device.MemoryStats;
import io.jynq.remote.client.RemoteDevice;
import io.jynq.remote.server.BoardServer;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17's health query (the {@code jynq.remote.Board/health} extension): a client's
 * {@code memoryStats()} is the served board's own contiguous memory, also counting what another
 * process on the board holds; a stock PYNQ.remote server has no such call, and the client then
 * counts only its own buffers.
 */
class RemoteHealthTest {

    @Test
    void memoryStatsAreTheBoardsOwnWithTheExtension(@TempDir Path dir) {
        try (RemoteBoards b = new RemoteBoards(dir)) {
            RemoteDevice remote = b.connect();
            DeviceMemory local = b.sim.allocate(1 << 20, 64, true);  // held on the board, not by this client
            DeviceMemory mine = remote.allocate(1 << 16, 64, true);
            MemoryStats board = b.sim.memoryStats();
            MemoryStats seen = remote.memoryStats();
            assertEquals(board, seen, "the health call reports the served board's memory");
            assertTrue(seen.usedBytes() >= (1 << 20) + (1 << 16), seen.toString());
            mine.close();
            local.close();
            assertEquals(b.sim.memoryStats(), remote.memoryStats(), "freed on the board, seen by the client");
        }
    }

    @Test
    void aStockServerLeavesTheClientCountingItsOwnBuffers(@TempDir Path dir) {
        try (RemoteBoards b = new RemoteBoards(dir, BoardServer.Options.loopback(dir.resolve("board-root")).withExtensions(false))) {
            RemoteDevice remote = b.connect();
            DeviceMemory local = b.sim.allocate(1 << 20, 64, true);
            remote.allocate(1 << 16, 64, true);
            remote.allocate(1 << 12, 64, true);
            MemoryStats seen = remote.memoryStats();
            assertEquals(2, seen.liveBuffers(), seen.toString());
            assertEquals((1 << 16) + (1 << 12), seen.usedBytes(), "no health call: only this client's buffers are known");
            local.close();
        }
    }
}
