package io.jynq.ffi.libc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LibcTest {
    @TempDir
    Path dir;

    @Test
    void openReadsAFileThroughLibc() throws IOException {
        Path f = dir.resolve("data.txt");
        Files.writeString(f, "hello, board", StandardCharsets.US_ASCII);
        int fd = Libc.open(f.toString(), Libc.O_RDONLY);
        try {
            byte[] buf = new byte[64];
            int n = Libc.read(fd, buf, buf.length);
            assertEquals("hello, board", new String(buf, 0, n, StandardCharsets.US_ASCII));
            assertEquals(0, Libc.read(fd, buf, buf.length), "end of file");
        } finally {
            Libc.close(fd);
        }
    }

    @Test
    void writeThenReadBackGivesTheSameBytes() throws IOException {
        Path f = dir.resolve("out.bin");
        int fd = Libc.open(f.toString(), Libc.O_RDWR | Libc.O_CREAT);
        try {
            byte[] data = {1, 0, 0, 0, (byte) 0xAA};
            assertEquals(5, Libc.write(fd, data, data.length));
        } finally {
            Libc.close(fd);
        }
        assertArrayEquals(new byte[] {1, 0, 0, 0, (byte) 0xAA}, Files.readAllBytes(f));
    }

    @Test
    void aThreadSetToBatchSchedulingIsSeenSoByTheKernel() throws Exception {
        int[] policy = new int[2];
        String[] procStat = new String[1];
        Thread t = new Thread(() -> {
            Libc.setScheduler(0, Libc.SCHED_BATCH);
            policy[0] = Libc.scheduler(0);
            try {
                procStat[0] = Files.readString(Path.of("/proc/thread-self/stat"));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            Libc.setScheduler(0, Libc.SCHED_OTHER);
            policy[1] = Libc.scheduler(0);
        });
        t.start();
        t.join();
        assertEquals(Libc.SCHED_BATCH, policy[0]);
        // proc(5): field 41 of stat is the policy; fields after the ")" of comm start at 3
        String[] after = procStat[0].substring(procStat[0].lastIndexOf(')') + 2).split(" ");
        assertEquals(String.valueOf(Libc.SCHED_BATCH), after[41 - 3], "the kernel's own view of the thread");
        assertEquals(Libc.SCHED_OTHER, policy[1]);
        assertEquals(Libc.SCHED_OTHER, Libc.scheduler(0), "only that thread changed");
    }

    @Test
    void aThreadsIdNamesItsOwnEntryUnderProc() throws Exception {
        String[] comm = new String[1];
        Thread t = new Thread(() -> {
            try {
                comm[0] = Files.readString(Path.of("/proc/self/task/" + ThreadIds.current() + "/comm")).strip();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, "tid-probe");
        t.start();
        t.join();
        assertEquals("tid-probe", comm[0], "the JVM names the native thread as the Java one");
    }

    @Test
    void aPolicyThatNeedsAPriorityIsRefusedWithEinval() {
        int fifo = 1;
        NativeException e = assertThrows(NativeException.class, () -> Libc.setScheduler(0, fifo));
        assertEquals("EINVAL", e.errnoName());
        assertTrue(e.getMessage().startsWith("sched_setscheduler(0, 1, {0}) failed: EINVAL"), e.getMessage());
    }

    @Test
    void missingFileNamesTheCallTheFlagsAndErrno() {
        Path missing = dir.resolve("no-such-device");
        NativeException e = assertThrows(NativeException.class,
                () -> Libc.open(missing.toString(), Libc.O_RDWR | Libc.O_SYNC));
        assertEquals("open(\"" + missing + "\", O_RDWR|O_SYNC) failed: ENOENT (No such file or directory)", e.getMessage());
        assertEquals("ENOENT", e.errnoName());
        assertTrue(e.isNoSuchFile());
    }

    @Test
    void permissionDeniedSaysRunAsRoot() throws IOException {
        Path denied = PermissionDenied.file(dir);
        NativeException e = assertThrows(NativeException.class, () -> Libc.open(denied.toString(), Libc.O_RDWR));
        assertEquals("open(\"" + denied + "\", O_RDWR) failed: EACCES (Permission denied) — run as root", e.getMessage());
        assertTrue(e.isPermissionDenied());
    }

    @Test
    void closingABadDescriptorIsEbadf() {
        NativeException e = assertThrows(NativeException.class, () -> Libc.close(1_000_000));
        assertEquals("close(1000000) failed: EBADF (Bad file descriptor)", e.getMessage());
    }

    @Test
    void pollOnARegularFileIsReadableAtOnce() throws IOException {
        Path f = dir.resolve("uio0");
        Files.write(f, new byte[8]);
        int fd = Libc.open(f.toString(), Libc.O_RDWR);
        try {
            int revents = Libc.poll(fd, Libc.POLLIN, 1000);
            assertEquals(Libc.POLLIN, revents & Libc.POLLIN);
        } finally {
            Libc.close(fd);
        }
    }

    @Test
    void pollTimesOutOnAnEmptyFifo() throws Exception {
        Path fifo = dir.resolve("fifo");
        Process p = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assertEquals(0, p.waitFor());
        int fd = Libc.open(fifo.toString(), Libc.O_RDWR | Libc.O_NONBLOCK);
        try {
            assertEquals(0, Libc.poll(fd, Libc.POLLIN, 20));
            Libc.write(fd, new byte[] {1, 0, 0, 0}, 4);
            assertEquals(Libc.POLLIN, Libc.poll(fd, Libc.POLLIN, 20) & Libc.POLLIN);
            byte[] got = new byte[4];
            assertEquals(4, Libc.read(fd, got, 4));
            assertArrayEquals(new byte[] {1, 0, 0, 0}, got);
        } finally {
            Libc.close(fd);
        }
    }

    @Test
    void flagsAreSpelledAsInC() {
        assertEquals("O_RDWR|O_SYNC", Libc.describeOpenFlags(Libc.O_RDWR | Libc.O_SYNC));
        assertEquals("O_WRONLY|O_CREAT|O_TRUNC", Libc.describeOpenFlags(Libc.O_WRONLY | Libc.O_CREAT | Libc.O_TRUNC));
        assertEquals("O_RDONLY", Libc.describeOpenFlags(0));
    }

    @Test
    void readRefusesALengthBeyondTheArray() {
        assertThrows(IndexOutOfBoundsException.class, () -> Libc.read(0, new byte[4], 8));
    }

    @Test
    void pageSizeIsAPowerOfTwo() {
        int page = Libc.pageSize();
        assertTrue(page >= 4096 && Integer.bitCount(page) == 1, "page size " + page);
    }

    /** The page size libc reports is the kernel's own, as /proc/self/smaps states it (4 KiB or 64 KiB on arm64). */
    @Test
    void pageSizeIsTheKernelsAsProcSaysIt() throws IOException {
        String line = Files.readAllLines(Path.of("/proc/self/smaps")).stream().filter(l -> l.startsWith("KernelPageSize:"))
                .findFirst().orElseThrow();
        long kib = Long.parseLong(line.replaceAll("\\D", ""));
        assertEquals(kib * 1024, Libc.pageSize(), line);
    }

    /** C's long is 32 bits on armhf (ILP32) and 64 on arm64 and x86-64 (LP64): the JVM's data model says which. */
    @Test
    void cLongIsAsWideAsThePlatformsDataModel() {
        int model = Integer.parseInt(System.getProperty("sun.arch.data.model"));
        assertEquals(model, io.jynq.ffi.cheader.CKind.LONG.bits(), System.getProperty("os.arch"));
        assertEquals(model, io.jynq.ffi.cheader.CKind.POINTER.bits());
        assertEquals(model, io.jynq.ffi.cheader.CKind.ULONG.bits());
        assertEquals(64, io.jynq.ffi.cheader.CKind.INT64.bits(), "int64_t is 64 bits everywhere");
    }

    /** A path whose open for writing fails with EACCES, also when the tests run as root. */
    static final class PermissionDenied {
        private PermissionDenied() {}

        static Path file(Path dir) throws IOException {
            Path f = dir.resolve("mem");
            if (Libc.geteuid() != 0) {
                Files.write(f, new byte[4096]);
                Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("---------"));
                return f;
            }
            // root passes permission bits; a sysfs attribute without a store method refuses
            // O_RDWR with EACCES even for root (kernfs_fop_open)
            Path ro = Arrays.stream(new String[] {"/sys/devices/system/cpu/online", "/sys/kernel/mm/transparent_hugepage/hpage_pmd_size"})
                    .map(Path::of).filter(Files::exists).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no read-only sysfs attribute to test EACCES as root"));
            Files.createSymbolicLink(f, ro);
            return f;
        }
    }
}
