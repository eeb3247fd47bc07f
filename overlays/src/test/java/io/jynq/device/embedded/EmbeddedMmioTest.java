package io.jynq.device.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jynq.device.DeviceException;
import io.jynq.device.RegisterSpace;
import io.jynq.ffi.libc.Libc;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedMmioTest {
    @TempDir
    Path tmp;
    FakeBoard board;

    @BeforeEach
    void setUp() {
        board = new FakeBoard(tmp);
    }

    @Test
    void registerWritesLandAtThePhysicalAddressOfDevMem() {
        try (EmbeddedDevice dev = board.device()) {
            RegisterSpace gpio = dev.map(0x4120_0000L, 0x1_0000);
            gpio.write32(0x4, 0xFFFF_FFF0);
            gpio.write32(0x0, 0x5);
            gpio.write16(0x10, (short) 0xBEEF);
            gpio.write8(0x13, (byte) 0x7A);
            assertEquals(0xFFFF_FFF0, board.memWord(0x4120_0004L));
            assertEquals(0x5, board.memWord(0x4120_0000L));
            assertEquals(0x7A00_BEEF, board.memWord(0x4120_0010L));
            board.setMemWord(0x4120_0008L, 0x1234_5678);
            assertEquals(0x1234_5678, gpio.read32(0x8));
            assertEquals((short) 0x5678, gpio.read16(0x8));
            assertEquals((byte) 0x12, gpio.read8(0xB));
            assertEquals(0x4120_0000L, gpio.physicalAddress());
            assertEquals(0x1_0000, gpio.byteSize());
        }
    }

    @Test
    void sixtyFourBitValuesAreTwoWordsLowFirst() {
        try (EmbeddedDevice dev = board.device()) {
            RegisterSpace hls = dev.map(0x43C0_0000L, 0x100);
            hls.write64(0x10, 0x1122_3344_5566_7788L);
            assertEquals(0x5566_7788, board.memWord(0x43C0_0010L));
            assertEquals(0x1122_3344, board.memWord(0x43C0_0014L));
            assertEquals(0x1122_3344_5566_7788L, hls.read64(0x10));
        }
    }

    @Test
    void aWindowNotStartingOnAPageIsMappedFromThePageBelow() {
        try (EmbeddedDevice dev = board.device()) {
            RegisterSpace w = dev.map(0x4000_0104L, 0x8);
            w.write32(0x4, 42);
            assertEquals(42, board.memWord(0x4000_0108L));
        }
    }

    @Test
    void accessesOutsideTheWindowOrMisalignedAreRefused() {
        try (EmbeddedDevice dev = board.device()) {
            RegisterSpace w = dev.map(0x4000_0000L, 0x1000);
            assertThrows(IndexOutOfBoundsException.class, () -> w.read32(0x1000));
            assertThrows(IndexOutOfBoundsException.class, () -> w.write32(-4, 1));
            assertThrows(IndexOutOfBoundsException.class, () -> w.read64(0xFFC));
            assertThrows(IndexOutOfBoundsException.class, () -> w.write64(0xFF8 + 8, 1));
            assertThrows(IllegalArgumentException.class, () -> w.read32(0x2));
            assertThrows(IllegalArgumentException.class, () -> w.write64(0x4, 1));
            assertEquals(0, w.read32(0xFFC), "the last word is inside");
        }
    }

    @Test
    void badRangesAreIllegalArguments() {
        try (EmbeddedDevice dev = board.device()) {
            assertThrows(IllegalArgumentException.class, () -> dev.map(0x4000_0000L, 0));
            assertThrows(IllegalArgumentException.class, () -> dev.map(-1, 16));
            assertThrows(IllegalArgumentException.class, () -> dev.map(Long.MAX_VALUE - 4, 16));
        }
    }

    @Test
    void aRangeDevMemDoesNotCoverIsADeviceException() {
        try (EmbeddedDevice dev = board.device()) {
            DeviceException e = assertThrows(DeviceException.class, () -> dev.map(0x1_0000_0000L, 0x1000));
            assertTrue(e.getMessage().startsWith("cannot map [0x100000000, 0x100001000) through " + board.paths.devMem()),
                    e.getMessage());
        }
    }

    @Test
    void withoutRootDevMemCannotBeOpenedAndTheMessageSaysSo() throws IOException {
        Path mem = board.paths.devMem();
        Files.delete(mem);
        if (Libc.geteuid() != 0) {
            FakeBoard.sparse(mem, 1L << 32);
            Files.setPosixFilePermissions(mem, PosixFilePermissions.fromString("---------"));
        } else {
            // root ignores permission bits; a read-only sysfs attribute refuses O_RDWR with EACCES even for root
            Files.createSymbolicLink(mem, Path.of("/sys/devices/system/cpu/online"));
        }
        try (EmbeddedDevice dev = board.device()) {
            DeviceException e = assertThrows(DeviceException.class, () -> dev.map(0x4000_0000L, 0x1000));
            assertTrue(e.getMessage().endsWith("open(\"" + mem + "\", O_RDWR|O_SYNC) failed: EACCES (Permission denied)"
                    + " — run as root"), e.getMessage());
        }
    }

    @Test
    void windowsAreUnusableAfterTheDeviceCloses() {
        EmbeddedDevice dev = board.device();
        RegisterSpace w = dev.map(0x4000_0000L, 0x1000);
        dev.close();
        assertThrows(IllegalStateException.class, () -> w.read32(0));
    }
}
