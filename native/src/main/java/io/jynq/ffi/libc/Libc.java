package io.jynq.ffi.libc;

import com.sun.jna.Function;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The libc calls the embedded backend needs, each throwing {@link NativeException} (call,
 * arguments and {@code errno}) instead of returning -1. Sizes are in bytes; file descriptors are
 * plain {@code int}s that the caller closes.
 *
 * <p>Flag values are Linux's for x86-64, ARM and AArch64 (asm-generic), the only targets.
 * Calls interrupted by a signal ({@code EINTR}) are retried where that is safe (read, write, poll).
 */
public final class Libc {
    public static final int O_RDONLY = 0;
    public static final int O_WRONLY = 1;
    public static final int O_RDWR = 2;
    public static final int O_CREAT = 0100;
    public static final int O_TRUNC = 01000;
    public static final int O_NONBLOCK = 04000;
    public static final int O_SYNC = 04010000;
    public static final int O_CLOEXEC = 02000000;

    public static final int PROT_READ = 1;
    public static final int PROT_WRITE = 2;
    public static final int MAP_SHARED = 1;
    public static final int MS_SYNC = 4;
    public static final int MS_INVALIDATE = 2;

    public static final short POLLIN = 1;
    public static final short POLLPRI = 2;
    public static final short POLLERR = 8;
    public static final short POLLHUP = 16;

    /** Linux's scheduling policies (sched.h); {@link #SCHED_BATCH} is the one JYNQ sets. */
    public static final int SCHED_OTHER = 0;
    public static final int SCHED_BATCH = 3;

    /** 32-bit ARM needs O_LARGEFILE to reach offsets past 2 GiB (SLCR at 0xF8000000). */
    private static final int O_LARGEFILE = Native.LONG_SIZE == 4 && System.getProperty("os.arch").startsWith("arm")
            ? 0400000 : 0;
    /** {@code mmap64} takes a 64-bit offset on every ABI; on 64-bit glibc it is an alias of mmap. */
    private static final Function MMAP = mmapFunction();

    private Libc() {}

    private static Function mmapFunction() {
        if (Native.LONG_SIZE == 8) {
            return LibcNative.LIBC.getFunction("mmap");
        }
        return LibcNative.LIBC.getFunction("mmap64");
    }

    /** Opens {@code path} with {@code flags} ({@code O_RDWR|O_SYNC}...), mode 0644 if created; returns the fd. */
    public static int open(String path, int flags) {
        Objects.requireNonNull(path, "path");
        int fd = LibcNative.open(path, flags | O_CLOEXEC | O_LARGEFILE, 0644);
        if (fd < 0) {
            throw new NativeException("open(\"" + path + "\", " + describeOpenFlags(flags) + ")", Native.getLastError());
        }
        return fd;
    }

    /**
     * Reserves disk blocks for {@code [offset, offset + length)} of the file {@code path} (created
     * if missing, size grown to cover the range), so that later writes through a memory mapping
     * cannot fail with SIGBUS on a full file system ({@code posix_fallocate}, bound as
     * {@code posix_fallocate64} whose offsets are 64-bit on every ABI).
     *
     * @throws NativeException with {@code ENOSPC} when the file system is full, {@code EOPNOTSUPP}
     *     or {@code EINVAL} where it cannot reserve, or the error of {@code open}
     */
    public static void fallocate(String path, long offset, long length) {
        int fd = open(path, O_RDWR | O_CREAT);
        try {
            int err = LibcNative.posix_fallocate64(fd, offset, length);
            if (err != 0) {
                throw new NativeException(String.format("posix_fallocate(\"%s\", %d, %d)", path, offset, length), err);
            }
        } finally {
            LibcNative.close(fd);
        }
    }

    /** Closes {@code fd}. */
    public static void close(int fd) {
        if (LibcNative.close(fd) != 0) {
            throw new NativeException("close(" + fd + ")", Native.getLastError());
        }
    }

    /**
     * Maps {@code length} bytes of {@code fd} from {@code offset} (a multiple of {@link #pageSize()})
     * with {@code MAP_SHARED}; returns the address.
     */
    public static long mmap(long length, int prot, int fd, long offset) {
        Pointer p = (Pointer) MMAP.invoke(Pointer.class,
                new Object[] {null, new NativeLong(length), prot, MAP_SHARED, fd, offset});
        long address = Pointer.nativeValue(p);
        if (address == -1L || (Native.LONG_SIZE == 4 && address == 0xFFFFFFFFL) || p == null) {
            throw new NativeException(String.format("mmap(NULL, %d, %s, MAP_SHARED, %d, 0x%x)",
                    length, describeProt(prot), fd, offset), Native.getLastError());
        }
        return address;
    }

    /** Unmaps {@code [address, address + length)}. */
    public static void munmap(long address, long length) {
        if (LibcNative.munmap(new Pointer(address), new NativeLong(length)) != 0) {
            throw new NativeException(String.format("munmap(0x%x, %d)", address, length), Native.getLastError());
        }
    }

    /** Writes back a shared mapping ({@code MS_SYNC} waits for it). */
    public static void msync(long address, long length, int flags) {
        if (LibcNative.msync(new Pointer(address), new NativeLong(length), flags) != 0) {
            throw new NativeException(String.format("msync(0x%x, %d, %d)", address, length, flags), Native.getLastError());
        }
    }

    /** {@code ioctl(fd, request, argument)} where the argument is a pointer (may be null); returns the result. */
    public static int ioctl(int fd, long request, Pointer argument) {
        int r = LibcNative.ioctl(fd, new NativeLong(request), argument);
        if (r < 0) {
            throw new NativeException(String.format("ioctl(%d, 0x%x, %s)", fd, request, argument), Native.getLastError());
        }
        return r;
    }

    /**
     * Waits up to {@code timeoutMillis} for {@code events} on {@code fd} (-1 waits forever, 0 checks once).
     *
     * @return the {@code revents} bits, 0 on timeout
     */
    public static int poll(int fd, short events, int timeoutMillis) {
        try (Memory pfd = new Memory(8)) {
            pfd.setInt(0, fd);
            pfd.setShort(4, events);
            pfd.setShort(6, (short) 0);
            while (true) {
                int r = LibcNative.poll(pfd, 1, timeoutMillis);
                if (r >= 0) {
                    return r == 0 ? 0 : pfd.getShort(6) & 0xFFFF;
                }
                int errno = Native.getLastError();
                if (errno != Errno.EINTR) {
                    throw new NativeException("poll({fd=" + fd + ", events=" + events + "}, 1, " + timeoutMillis + ")", errno);
                }
            }
        }
    }

    /** Reads up to {@code length} bytes into {@code buffer[0..length)}; returns the count, 0 at end of file. */
    public static int read(int fd, byte[] buffer, int length) {
        Objects.checkFromIndexSize(0, length, buffer.length);
        while (true) {
            long n = LibcNative.read(fd, buffer, new NativeLong(length)).longValue();
            if (n >= 0) {
                return (int) n;
            }
            int errno = Native.getLastError();
            if (errno != Errno.EINTR) {
                throw new NativeException("read(" + fd + ", buf, " + length + ")", errno);
            }
        }
    }

    /** Writes {@code buffer[0..length)}; returns the count written (may be short for devices). */
    public static int write(int fd, byte[] buffer, int length) {
        Objects.checkFromIndexSize(0, length, buffer.length);
        while (true) {
            long n = LibcNative.write(fd, buffer, new NativeLong(length)).longValue();
            if (n >= 0) {
                return (int) n;
            }
            int errno = Native.getLastError();
            if (errno != Errno.EINTR) {
                throw new NativeException("write(" + fd + ", buf, " + length + ")", errno);
            }
        }
    }

    /** The MMU page size in bytes (4096 on Zynq and ZynqMP Linux). */
    public static int pageSize() {
        return LibcNative.getpagesize();
    }

    /**
     * Sets the scheduling policy of thread {@code tid} (a Linux thread id; 0 for the calling
     * thread) to {@code policy} with static priority 0: {@link #SCHED_OTHER} or
     * {@link #SCHED_BATCH}, which any user may set on its own threads.
     *
     * @throws NativeException if the kernel refuses (ESRCH: no such thread; EINVAL: a policy that needs
     *     a priority, such as the real-time ones; EPERM: another user's thread)
     */
    public static void setScheduler(int tid, int policy) {
        if (LibcNative.sched_setscheduler(tid, policy, new int[] {0}) != 0) {
            throw new NativeException("sched_setscheduler(" + tid + ", " + policy + ", {0})", Native.getLastError());
        }
    }

    /**
     * The scheduling policy of thread {@code tid} (0 for the calling thread).
     *
     * @throws NativeException if there is no such thread (ESRCH)
     */
    public static int scheduler(int tid) {
        int policy = LibcNative.sched_getscheduler(tid);
        if (policy < 0) {
            throw new NativeException("sched_getscheduler(" + tid + ")", Native.getLastError());
        }
        return policy;
    }

    /** The effective user id (0 for root). */
    public static int geteuid() {
        return LibcNative.geteuid();
    }

    /** {@code O_RDWR|O_SYNC} for the flags JYNQ uses, with any other bits in octal. */
    public static String describeOpenFlags(int flags) {
        List<String> parts = new ArrayList<>();
        int access = flags & 3;
        parts.add(access == O_RDONLY ? "O_RDONLY" : access == O_WRONLY ? "O_WRONLY" : access == O_RDWR ? "O_RDWR" : "3");
        int rest = flags & ~3;
        int[] bits = {O_SYNC, O_CREAT, O_TRUNC, O_NONBLOCK, O_CLOEXEC};
        String[] names = {"O_SYNC", "O_CREAT", "O_TRUNC", "O_NONBLOCK", "O_CLOEXEC"};
        for (int i = 0; i < bits.length; i++) {
            if ((rest & bits[i]) == bits[i]) {
                parts.add(names[i]);
                rest &= ~bits[i];
            }
        }
        if (rest != 0) {
            parts.add("0" + Integer.toOctalString(rest));
        }
        return String.join("|", parts);
    }

    private static String describeProt(int prot) {
        List<String> parts = new ArrayList<>();
        if ((prot & PROT_READ) != 0) {
            parts.add("PROT_READ");
        }
        if ((prot & PROT_WRITE) != 0) {
            parts.add("PROT_WRITE");
        }
        return parts.isEmpty() ? "PROT_NONE" : String.join("|", parts);
    }
}
