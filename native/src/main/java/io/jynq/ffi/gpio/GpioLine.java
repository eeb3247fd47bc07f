package io.jynq.ffi.gpio;

import java.nio.ByteBuffer;

/**
 * One line requested from a {@link GpioChip}: its value read with
 * {@code GPIO_V2_LINE_GET_VALUES_IOCTL} and, for an output, set with
 * {@code GPIO_V2_LINE_SET_VALUES_IOCTL}. Closing the request's descriptor gives the line back.
 */
public final class GpioLine implements AutoCloseable {
    private final GpioKernel kernel;
    private final int fd;
    private final String what;
    private final boolean output;
    private boolean closed;

    GpioLine(GpioKernel kernel, int fd, String what, boolean output) {
        this.kernel = kernel;
        this.fd = fd;
        this.what = what;
        this.output = output;
    }

    /**
     * The line's level, 0 or 1.
     *
     * @throws IllegalStateException after {@link #close()}
     * @throws io.jynq.ffi.libc.NativeException if the kernel refuses
     */
    public synchronized int get() {
        check();
        ByteBuffer v = GpioUapi.lineValues(0, 1);
        kernel.ioctl(fd, GpioUapi.LINE_GET_VALUES, v);
        return (int) (v.getLong(0) & 1);
    }

    /**
     * Drives an output line.
     *
     * @throws IllegalArgumentException unless {@code value} is 0 or 1
     * @throws IllegalStateException if the line was requested as an input, or after {@link #close()}
     * @throws io.jynq.ffi.libc.NativeException if the kernel refuses
     */
    public synchronized void set(int value) {
        check();
        if (!output) {
            throw new IllegalStateException(what + " is an input");
        }
        if (value != 0 && value != 1) {
            throw new IllegalArgumentException(what + " takes 0 or 1, got " + value);
        }
        kernel.ioctl(fd, GpioUapi.LINE_SET_VALUES, GpioUapi.lineValues(value, 1));
    }

    private void check() {
        if (closed) {
            throw new IllegalStateException(what + " was released");
        }
    }

    /** Gives the line back; idempotent. */
    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            kernel.close(fd);
        }
    }

    @Override
    public String toString() {
        return "GpioLine[" + what + (output ? ", out]" : ", in]");
    }
}
