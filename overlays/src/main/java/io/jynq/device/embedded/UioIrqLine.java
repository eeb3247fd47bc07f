package io.jynq.device.embedded;

import io.jynq.device.DeviceException;
import io.jynq.device.IrqLine;
import io.jynq.ffi.libc.Libc;
import io.jynq.ffi.libc.NativeException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CancellationException;

/**
 * A PS interrupt line served by a UIO device ({@code uio_pdrv_genirq}, Linux UIO HOWTO): writing
 * the 32-bit value 1 to {@code /dev/uioN} re-enables the interrupt, the descriptor becomes readable
 * when it fires, and reading 4 bytes returns the interrupt count. The kernel disables the line
 * each time it fires, so every wait re-arms first; because PL interrupts are level-sensitive, an
 * interrupt still asserted fires again at once after re-arming.
 *
 * <p>Waits poll in slices of at most 100 ms so a thread interrupt (the notebook's stop button)
 * ends them promptly.
 */
final class UioIrqLine implements IrqLine, AutoCloseable {
    private static final int SLICE_MILLIS = 100;
    private static final byte[] ENABLE = ByteBuffer.allocate(4).order(ByteOrder.nativeOrder()).putInt(1).array();

    private final int rawIrq;
    private final Path device;
    private final PollWaiter waiter;
    private final int fd;
    private volatile boolean closed;
    private long lastCount;

    UioIrqLine(int rawIrq, Path device, PollWaiter waiter) {
        this.rawIrq = rawIrq;
        this.device = device;
        this.waiter = waiter;
        try {
            this.fd = Libc.open(device.toString(), Libc.O_RDWR);
        } catch (NativeException e) {
            throw NativeSysfs.failed("cannot open " + device + " for raw IRQ " + rawIrq, e);
        }
    }

    @Override
    public int rawIrq() {
        return rawIrq;
    }

    /** The interrupt count the kernel reported at the last fired wait. */
    synchronized long lastCount() {
        return lastCount;
    }

    @Override
    public boolean isAsserted() {
        return await(Duration.ZERO);
    }

    @Override
    public synchronized boolean await(Duration timeout) {
        if (closed) {
            throw new IllegalStateException("interrupt line " + rawIrq + " (" + device + ") is closed");
        }
        checkInterrupted();
        try {
            arm();
            long deadline = System.nanoTime() + timeout.toNanos();
            while (true) {
                long remaining = Math.max(0, deadline - System.nanoTime());
                int slice = (int) Math.min(SLICE_MILLIS, (remaining + 999_999) / 1_000_000);
                if (waiter.awaitReadable(fd, slice)) {
                    acknowledge();
                    return true;
                }
                checkInterrupted();
                if (deadline - System.nanoTime() <= 0) {
                    return false;
                }
            }
        } catch (NativeException e) {
            throw NativeSysfs.failed("waiting on " + device + " for raw IRQ " + rawIrq + " failed", e);
        }
    }

    private void checkInterrupted() {
        if (Thread.interrupted()) {
            Thread.currentThread().interrupt();
            throw new CancellationException("wait for raw IRQ " + rawIrq + " interrupted");
        }
    }

    private void arm() {
        if (Libc.write(fd, ENABLE, 4) != 4) {
            throw new DeviceException("short write re-arming " + device);
        }
    }

    private void acknowledge() {
        byte[] count = new byte[4];
        int n = Libc.read(fd, count, 4);
        if (n == 4) {
            lastCount = ByteBuffer.wrap(count).order(ByteOrder.nativeOrder()).getInt() & 0xFFFF_FFFFL;
        }
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            Libc.close(fd);
        }
    }

    @Override
    public String toString() {
        return "UioIrqLine[" + rawIrq + " on " + device + "]";
    }
}
