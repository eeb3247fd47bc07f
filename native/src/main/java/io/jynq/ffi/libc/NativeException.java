package io.jynq.ffi.libc;

import io.jynq.error.JynqException;

/**
 * A libc call failed; the message names the call with its arguments and the {@code errno}, e.g.
 * {@code open("/dev/mem", O_RDWR|O_SYNC) failed: EACCES (Permission denied) — run as root}.
 * Permission errors carry the hint to run as root, since on a board every kernel interface JYNQ
 * uses ({@code /dev/mem}, FPGA Manager, configfs, UIO) is root-only by default.
 */
public class NativeException extends JynqException {
    private static final long serialVersionUID = 1L;

    private final String call;
    private final int errno;

    /**
     * @param call the call as it would be written in C, e.g. {@code open("/dev/mem", O_RDWR)}
     * @param errno the {@code errno} the call left
     */
    public NativeException(String call, int errno) {
        super(describe(call, errno));
        this.call = call;
        this.errno = errno;
    }

    private static String describe(String call, int errno) {
        String text = call + " failed: " + Errno.name(errno) + " (" + strerror(errno) + ")";
        if (errno == Errno.EACCES || errno == Errno.EPERM) {
            text += " — run as root";
        }
        return text;
    }

    private static String strerror(int errno) {
        try {
            return LibcNative.strerror(errno);
        } catch (UnsatisfiedLinkError | NoClassDefFoundError e) {
            return "no libc message";
        }
    }

    /** The call with its arguments. */
    public String call() {
        return call;
    }

    /** The raw {@code errno} value. */
    public int errno() {
        return errno;
    }

    /** The symbolic name, e.g. {@code EACCES}. */
    public String errnoName() {
        return Errno.name(errno);
    }

    /** Whether the call failed for lack of permission ({@code EACCES} or {@code EPERM}). */
    public boolean isPermissionDenied() {
        return errno == Errno.EACCES || errno == Errno.EPERM;
    }

    /** Whether the file system is full ({@code ENOSPC}). */
    public boolean isNoSpace() {
        return errno == 28;
    }

    /** Whether the file system cannot do what was asked ({@code EOPNOTSUPP}, {@code ENOSYS}). */
    public boolean isUnsupported() {
        return errno == 95 || errno == 38;
    }

    /** Whether the file or device does not exist ({@code ENOENT}). */
    public boolean isNoSuchFile() {
        return errno == Errno.ENOENT;
    }
}
