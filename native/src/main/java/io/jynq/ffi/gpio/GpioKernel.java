package io.jynq.ffi.gpio;

import com.sun.jna.Memory;
import io.jynq.ffi.libc.Libc;
import java.nio.ByteBuffer;

/**
 * The three system calls the GPIO character device needs, as a seam: {@link #LIBC} makes them
 * through JNA; a test plays the kernel. Arguments travel as {@link GpioUapi} structures.
 */
public interface GpioKernel {

    /**
     * Opens a device file read-write, close-on-exec.
     *
     * @throws io.jynq.ffi.libc.NativeException with errno when the open fails
     */
    int open(String path);

    /** Closes a descriptor. */
    void close(int fd);

    /**
     * {@code ioctl(fd, request, arg)}: {@code arg} goes in and comes back as the kernel left it.
     *
     * @throws io.jynq.ffi.libc.NativeException with errno when the kernel refuses
     */
    void ioctl(int fd, long request, ByteBuffer arg);

    /** The real kernel, through libc. */
    GpioKernel LIBC = new GpioKernel() {
        @Override
        public int open(String path) {
            return Libc.open(path, Libc.O_RDWR | Libc.O_CLOEXEC);
        }

        @Override
        public void close(int fd) {
            Libc.close(fd);
        }

        @Override
        public void ioctl(int fd, long request, ByteBuffer arg) {
            try (Memory m = new Memory(arg.capacity())) {
                byte[] bytes = new byte[arg.capacity()];
                arg.get(0, bytes);
                m.write(0, bytes, 0, bytes.length);
                Libc.ioctl(fd, request, m);
                m.read(0, bytes, 0, bytes.length);
                arg.put(0, bytes);
            }
        }
    };
}
