package io.jynq.ffi.gpio;

import io.jynq.ffi.libc.NativeException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * A GPIO controller through the Linux GPIO character device ({@code /dev/gpiochipN}, uAPI v2,
 * {@link GpioUapi}): its name, label and line count ({@code GPIO_GET_CHIPINFO_IOCTL}), and lines
 * requested one at a time ({@code GPIO_V2_GET_LINE_IOCTL}). Unlike sysfs, a requested line
 * belongs to this process until its {@link GpioLine} is closed (the kernel frees it when the
 * process ends, too).
 * <pre>{@code
 * try (GpioChip chip = GpioChip.find(Path.of("/dev"), "zynq_gpio", GpioKernel.LIBC);
 *      GpioLine led = chip.request(54, true, 0, "jynq")) {
 *     led.set(1);
 * }
 * }</pre>
 */
public final class GpioChip implements AutoCloseable {
    private final GpioKernel kernel;
    private final Path path;
    private final int fd;
    private final String name;
    private final String label;
    private final int lines;
    private boolean closed;

    private GpioChip(GpioKernel kernel, Path path, int fd, ByteBuffer info) {
        this.kernel = kernel;
        this.path = path;
        this.fd = fd;
        this.name = GpioUapi.name(info, 0);
        this.label = GpioUapi.name(info, GpioUapi.NAME_SIZE);
        this.lines = info.getInt(2 * GpioUapi.NAME_SIZE);
    }

    /**
     * Opens the chip device {@code path} and reads its info.
     *
     * @throws NativeException if the device cannot be opened or answers no chip info (errno named)
     */
    public static GpioChip open(Path path, GpioKernel kernel) {
        int fd = kernel.open(path.toString());
        try {
            ByteBuffer info = GpioUapi.struct(GpioUapi.CHIPINFO_SIZE);
            kernel.ioctl(fd, GpioUapi.GET_CHIPINFO, info);
            return new GpioChip(kernel, path, fd, info);
        } catch (RuntimeException e) {
            kernel.close(fd);
            throw e;
        }
    }

    /**
     * The chip in {@code devDir} ({@code gpiochip*} entries) whose label is {@code label}, or null
     * when there is none (or none can be opened: no character device support, no permission).
     */
    public static GpioChip find(Path devDir, String label, GpioKernel kernel) {
        Objects.requireNonNull(label, "label");
        if (!Files.isDirectory(devDir)) {
            return null;
        }
        try (Stream<Path> entries = Files.list(devDir)) {
            for (Path p : (Iterable<Path>) entries.filter(p -> p.getFileName().toString().matches("gpiochip\\d+"))
                    .sorted()::iterator) {
                GpioChip chip;
                try {
                    chip = open(p, kernel);
                } catch (NativeException e) {
                    continue;
                }
                if (label.equals(chip.label())) {
                    return chip;
                }
                chip.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + devDir + ": " + e.getMessage(), e);
        }
        return null;
    }

    /** The kernel's name, e.g. {@code gpiochip0}. */
    public String name() {
        return name;
    }

    /** The controller's label, e.g. {@code zynq_gpio}. */
    public String label() {
        return label;
    }

    /** How many lines the controller has. */
    public int lines() {
        return lines;
    }

    /** The device file. */
    public Path path() {
        return path;
    }

    /**
     * Requests line {@code offset} as an input, or as an output driven to {@code initialValue}.
     *
     * @param consumer the label the kernel shows for the line's user (31 bytes kept)
     * @throws IndexOutOfBoundsException unless {@code 0 <= offset < lines()}
     * @throws IllegalStateException after {@link #close()}
     * @throws NativeException if the kernel refuses, e.g. {@code EBUSY} when another user holds the line
     */
    public synchronized GpioLine request(int offset, boolean output, int initialValue, String consumer) {
        if (closed) {
            throw new IllegalStateException(path + " is closed");
        }
        Objects.checkIndex(offset, lines);
        ByteBuffer req = GpioUapi.lineRequest(offset, output, initialValue, consumer);
        kernel.ioctl(fd, GpioUapi.GET_LINE, req);
        return new GpioLine(kernel, req.getInt(GpioUapi.REQ_FD), name + " line " + offset, output);
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            kernel.close(fd);
        }
    }

    @Override
    public String toString() {
        return "GpioChip[" + path + ", " + name + " \"" + label + "\", " + lines + " lines]";
    }
}
