package io.jynq.ffi.libc;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.NativeLong;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;

/**
 * The libc entry points, bound by JNA direct mapping ({@link Native#register}): a direct call
 * costs a JNI transition and no reflection, which matters for poll/read/write in interrupt waits.
 * {@code size_t} and {@code ssize_t} are {@link NativeLong} (the same width as C {@code long} on
 * ILP32 and LP64 Linux). {@code mmap} is bound separately in {@link Libc} because its
 * {@code off_t} differs between 32- and 64-bit ABIs.
 */
final class LibcNative {
    static final NativeLibrary LIBC = NativeLibrary.getInstance(Platform.C_LIBRARY_NAME);

    static {
        Native.register(LibcNative.class, LIBC);
    }

    private LibcNative() {}

    static native int open(String path, int flags, int mode);

    static native int close(int fd);

    static native int munmap(Pointer address, NativeLong length);

    static native int msync(Pointer address, NativeLong length, int flags);

    static native int ioctl(int fd, NativeLong request, Pointer argument);

    static native int poll(Pointer fds, int nfds, int timeoutMillis);

    static native NativeLong read(int fd, byte[] buffer, NativeLong count);

    static native NativeLong write(int fd, byte[] buffer, NativeLong count);

    static native int getpagesize();

    /** Returns 0 or an error number (it does not set errno). {@code off_t} is 64-bit: see {@link Libc#fallocate}. */
    static native int posix_fallocate64(int fd, long offset, long length);

    static native int geteuid();

    /** {@code param} is {@code struct sched_param}: one int, the static priority (0 for SCHED_BATCH). */
    static native int sched_setscheduler(int pid, int policy, int[] param);

    static native int sched_getscheduler(int pid);

    static native String strerror(int errno);
}
