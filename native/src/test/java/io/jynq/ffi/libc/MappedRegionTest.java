package io.jynq.ffi.libc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MappedRegionTest {
    @TempDir
    Path dir;

    private Path sparseFile(long size) throws IOException {
        Path f = dir.resolve("mem");
        try (RandomAccessFile raf = new RandomAccessFile(f.toFile(), "rw")) {
            raf.setLength(size);
        }
        return f;
    }

    /**
     * A ZynqMP's PL and DDR reach past 4 GiB (e.g. 0x4_0000_0000 HP windows, 0x8_0000_0000 DDR);
     * on armhf off_t is 32 bits, so an offset there reaches the file only through mmap64 (a plain
     * mmap would wrap it to 0x4000_0100). The file is sparse: nothing is written below.
     */
    @Test
    void anOffsetAbove4GiBReachesTheFileThere() throws IOException {
        long at = 0x1_4000_0100L;
        Path mem = sparseFile(at + 0x1000);
        // the reference: the JDK's own mapping (FileChannel.map, mmap64 in libnio). qemu-user
        // before 8.1 truncates a 32-bit guest's mmap offset to 32 bits for it as well.
        try (RandomAccessFile raf = new RandomAccessFile(mem.toFile(), "rw")) {
            raf.getChannel().map(java.nio.channels.FileChannel.MapMode.READ_WRITE, at & -4096L, 0x1000).put(0, (byte) 1);
            raf.seek(at & -4096L);
            org.junit.jupiter.api.Assumptions.assumeTrue(raf.read() == 1,
                    "this platform maps offsets above 4 GiB wrapped for the JDK's own FileChannel.map too (qemu-user < 8.1)");
        }
        try (MappedRegion r = MappedRegion.map(mem, at, 0x100, true)) {
            r.putInt(0x4, 0xCAFEF00D);
            r.sync(0, r.byteSize());
        }
        try (RandomAccessFile raf = new RandomAccessFile(mem.toFile(), "r")) {
            byte[] b = new byte[4];
            raf.seek(at + 4);
            raf.readFully(b);
            assertEquals(0xCAFEF00D, ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).getInt(), "at 0x140000104");
            raf.seek(0x4000_0104L);
            raf.readFully(b);
            assertEquals(0, ByteBuffer.wrap(b).getInt(), "nothing at the offset wrapped to 32 bits");
        }
    }

    @Test
    void mappingsStartAtTheRunningKernelsPageBoundary() {
        assertEquals(0x4000_0000L, MappedRegion.pageBase(0x4000_0FFCL, 4096));
        assertEquals(0x4000_0000L, MappedRegion.pageBase(0x4000_FFFCL, 65536), "a 64 KiB-page arm64 kernel");
        assertEquals(0x4001_0000L, MappedRegion.pageBase(0x4001_0000L, 65536));
        assertEquals(0x1_4000_0000L, MappedRegion.pageBase(0x1_4000_0100L, 4096));
        assertThrows(IllegalArgumentException.class, () -> MappedRegion.pageBase(0x1000, 3000));
        long page = Libc.pageSize();
        assertEquals(0, MappedRegion.pageBase(page - 1, page), "this machine's page size " + page);
    }

    @Test
    void writesLandInTheFileAtThePhysicalOffset() throws IOException {
        Path mem = sparseFile(0x4001_0000L);
        try (MappedRegion r = MappedRegion.map(mem, 0x4000_0000L + 0x100, 0x100, true)) {
            r.putInt(0x8, 0xDEADBEEF);
            r.putShort(0x2, (short) 0x1234);
            r.putByte(0x1, (byte) 0x7F);
            r.putLong(0x10, 0x0102030405060708L);
            r.sync(0, r.byteSize());
            assertEquals(0xDEADBEEF, r.getInt(0x8));
            assertEquals((short) 0x1234, r.getShort(0x2));
            assertEquals((byte) 0x7F, r.getByte(0x1));
            assertEquals(0x0102030405060708L, r.getLong(0x10));
        }
        try (RandomAccessFile raf = new RandomAccessFile(mem.toFile(), "r")) {
            byte[] b = new byte[4];
            raf.seek(0x4000_0108L);
            raf.readFully(b);
            assertEquals(0xDEADBEEF, ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).getInt(), "little-endian at 0x40000108");
        }
    }

    @Test
    void outOfRangeAccessIsRefusedBeforeTouchingMemory() throws IOException {
        Path mem = sparseFile(0x3000);
        try (MappedRegion r = MappedRegion.map(mem, 0x1000, 0x1000, false)) {
            assertThrows(IndexOutOfBoundsException.class, () -> r.getInt(0x1000));
            assertThrows(IndexOutOfBoundsException.class, () -> r.putInt(0xFFE, 1));
            assertThrows(IndexOutOfBoundsException.class, () -> r.getLong(-8));
            assertThrows(IndexOutOfBoundsException.class, () -> r.getByte(Long.MAX_VALUE));
            assertThrows(IndexOutOfBoundsException.class, () -> r.byteBuffer(0xF00, 0x200));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> r.getInt(2));
            assertTrue(e.getMessage().contains("not 4-byte aligned"), e.getMessage());
            assertEquals(0, r.getInt(0xFFC), "the last word is still reachable");
        }
    }

    @Test
    void accessAfterCloseIsAnIllegalState() throws IOException {
        Path mem = sparseFile(0x1000);
        MappedRegion r = MappedRegion.map(mem, 0, 0x1000, false);
        ByteBuffer view = r.byteBuffer(0, 16);
        r.close();
        assertThrows(IllegalStateException.class, () -> r.getInt(0));
        assertThrows(IllegalStateException.class, r::checkOpen);
        view.putInt(0, 42); // still mapped: the view keeps the pages alive
        assertEquals(42, view.getInt(0));
    }

    @Test
    void aRegularFileShorterThanTheMappingIsRefused() throws IOException {
        Path mem = sparseFile(0x1000);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MappedRegion.map(mem, 0x800, 0x1000, false));
        assertTrue(e.getMessage().contains("the file has only 4096 bytes"), e.getMessage());
    }

    @Test
    void emptyOrNegativeRangesAreRefused() throws IOException {
        Path mem = sparseFile(0x1000);
        assertThrows(IllegalArgumentException.class, () -> MappedRegion.map(mem, 0, 0, false));
        assertThrows(IllegalArgumentException.class, () -> MappedRegion.map(mem, -4096, 16, false));
    }

    @Test
    void addressIsThePageBasePlusTheOffsetInThePage() throws IOException {
        Path mem = sparseFile(0x2000);
        try (MappedRegion r = MappedRegion.map(mem, 0x1234, 0x10, false)) {
            assertEquals(0x234, r.address() & (Libc.pageSize() - 1));
            assertEquals(0x10, r.byteSize());
        }
    }

    @Test
    void missingDeviceIsANativeException() {
        NativeException e = assertThrows(NativeException.class,
                () -> MappedRegion.map(dir.resolve("udmabuf0"), 0, 4096, true));
        assertTrue(e.getMessage().startsWith("open(\"" + dir.resolve("udmabuf0") + "\", O_RDWR|O_SYNC) failed: ENOENT"),
                e.getMessage());
        assertTrue(Files.notExists(dir.resolve("udmabuf0")));
    }
}
