package io.jynq.device.sim;

import io.jynq.device.OutOfDeviceMemoryException;
import io.jynq.ffi.libc.Libc;
import io.jynq.ffi.libc.NativeException;
import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Reserves the disk blocks behind the board's memory-mapped files before anything is stored in
 * them. {@code ddr.bin} and {@code pl-*.regs} are sparse files; a store through a mapping into a
 * hole that the file system cannot fill kills the JVM with SIGBUS (issue 14: a 4 MB tmpfs and an
 * 8 MiB buffer). With the blocks reserved up front, a full disk is an exception at download or
 * allocation naming the directory and the bytes needed.
 *
 * <p>Where the file system cannot reserve ({@code EOPNOTSUPP}) or libc cannot be reached, the
 * files stay sparse, as before, with one warning.
 */
class DiskSpace {
    private static final Logger LOG = Logger.getLogger(DiskSpace.class.getName());
    /** The real one: {@code posix_fallocate}. */
    static final DiskSpace POSIX = new DiskSpace();
    private static volatile boolean warned;

    /**
     * Reserves {@code [offset, offset + length)} of {@code file}.
     *
     * @param what what the bytes are for, e.g. "a 8388608-byte buffer", for the message
     * @throws OutOfDeviceMemoryException naming the directory and the bytes needed when the file system is full
     */
    void reserve(Path file, long offset, long length, String what) {
        try {
            fallocate(file, offset, length);
        } catch (NativeException e) {
            if (e.isNoSpace()) {
                throw new OutOfDeviceMemoryException(String.format("the simulated board's directory %s is out of disk"
                        + " space: %s needs %d bytes (%d MiB) of %s; free space there or move the board with"
                        + " JYNQ_SIM_DIR", file.getParent(), what, length, (length + (1 << 20) - 1) >> 20,
                        file.getFileName()));
            }
            warnOnce(file, e.getMessage());
        } catch (UnsatisfiedLinkError | NoClassDefFoundError e) {
            warnOnce(file, "libc is not reachable: " + e);
        }
    }

    /** The system call; tests override it to inject a full disk. */
    void fallocate(Path file, long offset, long length) {
        Libc.fallocate(file.toString(), offset, length);
    }

    private static void warnOnce(Path file, String why) {
        if (!warned) {
            warned = true;
            LOG.log(Level.WARNING, "cannot reserve disk space for the simulated board in {0} ({1}); its files stay"
                    + " sparse, and a full disk there may crash the JVM", new Object[] {file.getParent(), why});
        }
    }
}
