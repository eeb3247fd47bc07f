package io.jynq.device.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jynq.device.DeviceMemory;
import io.jynq.device.MemoryStats;
import io.jynq.device.OutOfDeviceMemoryException;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Simulated DDR: contiguous blocks, alignment, reuse and coalescing, clear failure, two boards sharing one state directory. */
class DdrAllocationTest {
    @TempDir
    Path dir;
    SimDevice board;

    @BeforeEach
    void open() {
        board = SimDevice.open(SimConfig.at(dir));
    }

    @AfterEach
    void close() {
        board.close();
    }

    @Test
    void blocksAreAtLeast64ByteAlignedInsideDdrAndLittleEndian() {
        long lo = board.ddrBaseAddress();
        try (DeviceMemory a = board.allocate(1, 1, false); DeviceMemory b = board.allocate(100, 8, true)) {
            for (DeviceMemory m : List.of(a, b)) {
                assertEquals(0, m.physicalAddress() % 64, m.toString());
                assertTrue(m.physicalAddress() >= lo && m.physicalAddress() + m.byteSize() <= lo + board.ddrBytes());
                assertEquals(ByteOrder.LITTLE_ENDIAN, m.buffer().order());
            }
            assertEquals(100, b.buffer().capacity());
            assertTrue(b.physicalAddress() >= a.physicalAddress() + 64, "disjoint");
        }
    }

    @Test
    void pageAlignmentOnRequest() {
        try (DeviceMemory pad = board.allocate(64, 64, false); DeviceMemory page = board.allocate(10, 4096, false)) {
            assertEquals(0, page.physicalAddress() % 4096);
            assertTrue(page.physicalAddress() != pad.physicalAddress());
        }
    }

    @Test
    void freedBlocksAreReusedAndCoalesced() {
        DeviceMemory a = board.allocate(4096, 64, false);
        DeviceMemory b = board.allocate(4096, 64, false);
        DeviceMemory c = board.allocate(4096, 64, false);
        long at = a.physicalAddress();
        assertEquals(at + 4096, b.physicalAddress());
        a.close();
        b.close();
        try (DeviceMemory ab = board.allocate(8192, 64, false)) {
            assertEquals(at, ab.physicalAddress(), "the two freed neighbours merged into one 8 KiB block");
        }
        c.close();
        assertEquals(0, board.memoryStats().liveBuffers());
    }

    @Test
    void allocationLargerThanMemoryFailsClearlyAndLeavesTheAllocatorIntact() {
        try (DeviceMemory held = board.allocate(64L << 20, 64, false)) {
            MemoryStats before = board.memoryStats();
            var e = assertThrows(OutOfDeviceMemoryException.class, () -> board.allocate(600L << 20, 64, false));
            assertTrue(e.getMessage().contains("largest free block"), e.getMessage());
            var e2 = assertThrows(OutOfDeviceMemoryException.class, () -> board.allocate(460L << 20, 64, false));
            assertTrue(e2.getMessage().contains("largest free block is 448.0 MiB"), e2.getMessage());
            assertEquals(before, board.memoryStats(), "nothing changed");
            try (DeviceMemory more = board.allocate(400L << 20, 64, false)) {
                assertTrue(more.physicalAddress() >= held.physicalAddress() + held.byteSize()
                        || more.physicalAddress() + more.byteSize() <= held.physicalAddress());
            }
        }
        try (DeviceMemory all = board.allocate(510L << 20, 64, false)) {
            assertEquals(510L << 20, all.byteSize(), "everything freed went back");
        }
    }

    @Test
    void useAfterCloseIsAClearErrorAndDoubleCloseIsHarmless() {
        DeviceMemory m = board.allocate(128, 64, false);
        m.close();
        m.close();
        assertTrue(m.isClosed());
        var e = assertThrows(IllegalStateException.class, m::buffer);
        assertTrue(e.getMessage().contains("closed"));
    }

    @Test
    void flushAndInvalidateAreBoundsChecked() {
        try (DeviceMemory m = board.allocate(128, 64, true)) {
            m.flush(0, 128);
            m.invalidate(64, 64);
            assertThrows(IndexOutOfBoundsException.class, () -> m.flush(64, 65));
            assertThrows(IndexOutOfBoundsException.class, () -> m.invalidate(-1, 4));
            assertEquals(1, ((SimMemory) m).flushCount());
        }
    }

    @Test
    void badArgumentsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> board.allocate(0, 64, false));
        assertThrows(IllegalArgumentException.class, () -> board.allocate(64, 48, false));
    }

    @Test
    void twoBoardsOnOneStateDirectoryAllocateDisjointBlocksAndShareBytes() {
        try (SimDevice other = SimDevice.open(SimConfig.at(dir))) {
            List<DeviceMemory> mine = new ArrayList<>();
            List<DeviceMemory> theirs = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                mine.add(board.allocate(3L << 20, 64, false));
                theirs.add(other.allocate(3L << 20, 64, false));
            }
            for (DeviceMemory a : mine) {
                for (DeviceMemory b : theirs) {
                    assertFalse(a.physicalAddress() < b.physicalAddress() + b.byteSize()
                            && b.physicalAddress() < a.physicalAddress() + a.byteSize(), a + " overlaps " + b);
                }
            }
            DeviceMemory a = mine.get(0);
            a.buffer().putInt(0, 0xCAFE);
            assertEquals(0xCAFE, other.map(a.physicalAddress(), 4).read32(0), "one DDR file, seen by both");
            mine.forEach(DeviceMemory::close);
            theirs.forEach(DeviceMemory::close);
        }
    }
}
