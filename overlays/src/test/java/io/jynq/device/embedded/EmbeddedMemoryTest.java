package io.jynq.device.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jynq.device.DeviceException;
import io.jynq.device.DeviceMemory;
import io.jynq.device.MemoryStats;
import io.jynq.device.OutOfDeviceMemoryException;
import io.jynq.ffi.cc.CCompiler;
import io.jynq.ffi.cheader.CLibrary;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedMemoryTest {
    @TempDir
    Path tmp;
    FakeBoard board;

    @BeforeEach
    void setUp() {
        board = new FakeBoard(tmp);
    }

    private int udmabufWord(long offset) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(board.paths.dev("udmabuf0").toFile(), "r")) {
            byte[] b = new byte[4];
            raf.seek(offset);
            raf.readFully(b);
            return ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).getInt();
        }
    }

    @Test
    void blocksHavePhysicalAddressesInsideTheUdmabufAndTheirBytesLandThere() throws IOException {
        try (EmbeddedDevice dev = board.device()) {
            DeviceMemory a = dev.allocate(100, 64, true);
            DeviceMemory b = dev.allocate(4096, 4096, false);
            assertEquals(FakeBoard.UDMABUF_PHYS, a.physicalAddress());
            assertEquals(FakeBoard.UDMABUF_PHYS + 4096, b.physicalAddress(), "aligned to 4096 on the physical address");
            a.buffer().putInt(8, 0xCAFE_F00D);
            b.buffer().putInt(0, 77);
            assertEquals(0xCAFE_F00D, udmabufWord(8));
            assertEquals(77, udmabufWord(4096));
            assertEquals(ByteOrder.LITTLE_ENDIAN, a.buffer().order());
            assertEquals(100, a.buffer().capacity());
            assertTrue(a.address() != 0);
            assertEquals(new MemoryStats(FakeBoard.UDMABUF_SIZE, 128 + 4096, FakeBoard.UDMABUF_SIZE - 8192, 2), dev.memoryStats());
        }
    }

    @Test
    void aCFunctionWorksOnABlockInPlace() {
        CCompiler cc = new CCompiler(tmp.resolve("cc"), "gcc", java.time.Duration.ofMinutes(1));
        String source = "void scale(int32_t *x, size_t n, int32_t k) { for (size_t i = 0; i < n; i++) x[i] *= k; }";
        try (EmbeddedDevice dev = board.device(); CLibrary lib = cc.compile("scale.c", source, List.of()).load()) {
            DeviceMemory m = dev.allocate(64 * 4, 64, true);
            var ints = m.buffer().asIntBuffer();
            for (int i = 0; i < 64; i++) {
                ints.put(i, i);
            }
            lib.function("scale").invoke(m, 64L, 3);
            for (int i = 0; i < 64; i++) {
                assertEquals(3 * i, ints.get(i));
            }
            m.close();
            assertThrows(IllegalArgumentException.class, () -> lib.function("scale").invoke(m, 64L, 3));
        }
    }

    @Test
    void freedBlocksAreReusedAndMerged() {
        try (EmbeddedDevice dev = board.device()) {
            DeviceMemory a = dev.allocate(1024, 64, true);
            DeviceMemory b = dev.allocate(1024, 64, true);
            a.close();
            b.close();
            b.close(); // twice is harmless
            assertTrue(b.isClosed());
            assertThrows(IllegalStateException.class, b::buffer);
            assertEquals(new MemoryStats(FakeBoard.UDMABUF_SIZE, 0, FakeBoard.UDMABUF_SIZE, 0), dev.memoryStats());
            assertEquals(FakeBoard.UDMABUF_PHYS, dev.allocate(2048, 64, true).physicalAddress());
        }
    }

    @Test
    void tooLargeARequestNamesTheLargestFreeBlock() {
        try (EmbeddedDevice dev = board.device()) {
            dev.allocate(FakeBoard.UDMABUF_SIZE / 2, 64, true);
            OutOfDeviceMemoryException e = assertThrows(OutOfDeviceMemoryException.class,
                    () -> dev.allocate(FakeBoard.UDMABUF_SIZE / 2 + 1, 64, true));
            assertTrue(e.getMessage().endsWith("the largest free block is " + FakeBoard.UDMABUF_SIZE / 2 + " bytes"),
                    e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> dev.allocate(0, 64, true));
            assertThrows(IllegalArgumentException.class, () -> dev.allocate(16, 48, true));
        }
    }

    @Test
    void flushAndInvalidateWriteTheSyncAttributesInOrder() {
        try (EmbeddedDevice dev = board.device()) {
            dev.allocate(4096, 64, true);
            DeviceMemory m = dev.allocate(4096, 64, true);
            board.kernel.log.clear();
            m.flush(16, 64);
            m.invalidate(0, 4096);
            String dir = "sys/class/u-dma-buf/udmabuf0/";
            assertEquals(List.of(
                    "write " + dir + "sync_offset 4112",
                    "write " + dir + "sync_size 64",
                    "write " + dir + "sync_direction 1",
                    "write " + dir + "sync_for_device 1",
                    "write " + dir + "sync_offset 4096",
                    "write " + dir + "sync_size 4096",
                    "write " + dir + "sync_direction 2",
                    "write " + dir + "sync_for_cpu 1"), board.kernel.log);
            assertThrows(IndexOutOfBoundsException.class, () -> m.flush(4000, 200));
        }
    }

    @Test
    void uncachedOrCoherentBlocksNeedNoSync() throws IOException {
        try (EmbeddedDevice dev = board.device()) {
            DeviceMemory m = dev.allocate(256, 64, false);
            m.flush(0, 256);
            m.invalidate(0, 256);
            assertEquals(List.of(), board.kernel.log);
        }
        Files.writeString(board.paths.udmabufClass().resolve("udmabuf0/dma_coherent"), "1\n");
        try (EmbeddedDevice dev = board.device()) {
            dev.allocate(256, 64, true).flush(0, 256);
            assertEquals(List.of(), board.kernel.log);
        }
    }

    @Test
    void aMissingUdmabufIsAClearError() throws IOException {
        Path cls = board.paths.udmabufClass();
        try (var s = Files.walk(cls)) {
            s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        try (EmbeddedDevice dev = board.device()) {
            DeviceException e = assertThrows(DeviceException.class, () -> dev.allocate(64, 64, true));
            assertTrue(e.getMessage().startsWith("no u-dma-buf device: " + cls + " is missing or empty"), e.getMessage());
            assertEquals(new MemoryStats(0, 0, 0, 0), dev.memoryStats());
        }
    }

    @Test
    void oneUdmabufServesOneDeviceAtATime() {
        try (EmbeddedDevice one = board.device(); EmbeddedDevice two = board.device()) {
            one.allocate(64, 64, true);
            DeviceException e = assertThrows(DeviceException.class, () -> two.allocate(64, 64, true));
            assertTrue(e.getMessage().startsWith("every u-dma-buf device (udmabuf0) is in use"), e.getMessage());
            one.close();
            assertEquals(FakeBoard.UDMABUF_PHYS, two.allocate(64, 64, true).physicalAddress());
        }
    }
}
