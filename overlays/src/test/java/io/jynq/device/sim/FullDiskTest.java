package io.jynq.device.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jynq.device.DeviceMemory;
import io.jynq.device.OutOfDeviceMemoryException;
import io.jynq.device.PlState;
import io.jynq.ffi.libc.NativeException;
import io.jynq.testing.DspLoopback;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14: with the board's directory on a full file system, loading an overlay and writing an
 * 8 MiB buffer killed the JVM with SIGBUS (sparse files). Now the space is reserved when a file
 * or buffer is made, and a full disk is an exception naming the directory and the bytes needed.
 */
class FullDiskTest {
    @TempDir
    Path dir;

    /** A disk with {@code room} bytes left for each file (fault injection: ENOSPC beyond that). */
    private static DiskSpace fullAbove(long room) {
        return new DiskSpace() {
            @Override
            void fallocate(Path file, long offset, long length) {
                if (length > room) {
                    throw new NativeException("posix_fallocate(\"" + file + "\", " + offset + ", " + length + ")", 28);
                }
                super.fallocate(file, offset, length);
            }
        };
    }

    @Test
    void anAllocationTheDiskCannotHoldFailsCleanlyAndLeavesTheAllocatorAsItWas() {
        try (SimDevice board = SimDevice.open(SimConfig.at(dir).withDdrBytes(64L << 20), fullAbove(4L << 20))) {
            long freeBefore = board.memoryStats().freeBytes();
            OutOfDeviceMemoryException e = assertThrows(OutOfDeviceMemoryException.class,
                    () -> board.allocate(8L << 20, 64, false));
            assertTrue(e.getMessage().contains(dir.toString()) && e.getMessage().contains("8388608 bytes")
                    && e.getMessage().contains("out of disk space"), e.getMessage());
            assertEquals(freeBefore, board.memoryStats().freeBytes(), "the failed allocation gave its block back");
            try (DeviceMemory small = board.allocate(1L << 20, 64, false)) {
                small.buffer().put(0, (byte) 1);
            }
        }
    }

    @Test
    void aDownloadWhoseRegisterFileDoesNotFitLeavesThePlAsItWas() throws Exception {
        try (SimDevice board = SimDevice.open(SimConfig.at(dir).withDdrBytes(64L << 20), fullAbove(4096))) {
            OutOfDeviceMemoryException e = assertThrows(OutOfDeviceMemoryException.class,
                    () -> board.download(DspLoopback.bit(), DspLoopback.metadata(), false));
            assertTrue(e.getMessage().contains(dir.toString()) && e.getMessage().contains("register file"), e.getMessage());
            assertEquals(PlState.EMPTY, board.plState());
            try (Stream<Path> files = Files.list(dir)) {
                assertTrue(files.noneMatch(p -> p.toString().endsWith(".regs") || p.toString().endsWith(".tmp")));
            }
        }
    }

    /** The real thing, where this user may mount a 4 MB tmpfs (root, as in the CI container). */
    @Test
    void onARealFourMegabyteTmpfs() throws Exception {
        Path mnt = Files.createDirectories(dir.resolve("tmpfs"));
        Process mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", mnt.toString())
                .redirectErrorStream(true).start();
        boolean mounted = mount.waitFor(30, TimeUnit.SECONDS) && mount.exitValue() == 0;
        Assumptions.assumeTrue(mounted, "cannot mount a tmpfs here (needs root): the injected-fault tests above cover it");
        try {
            try (SimDevice board = SimDevice.open(SimConfig.at(mnt).withDdrBytes(64L << 20))) {
                board.download(DspLoopback.bit(), DspLoopback.metadata(), false);
                OutOfDeviceMemoryException e = assertThrows(OutOfDeviceMemoryException.class,
                        () -> board.allocate(8L << 20, 64, false));
                assertTrue(e.getMessage().contains(mnt.toString()) && e.getMessage().contains("8388608 bytes"), e.getMessage());
                try (DeviceMemory small = board.allocate(1L << 20, 64, false)) {
                    small.buffer().put((1 << 20) - 1, (byte) 1);  // reserved: no SIGBUS
                }
            }
        } finally {
            new ProcessBuilder("umount", "-l", mnt.toString()).start().waitFor(30, TimeUnit.SECONDS);
        }
    }
}
