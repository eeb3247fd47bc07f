package io.jynq.buffer;

import io.jynq.device.Device;
import io.jynq.device.DeviceMemory;
import java.util.Arrays;
import java.util.Objects;

/**
 * Allocates {@link ContiguousBuffer}s (PYNQ's {@code allocate}). Buffers are 64-byte aligned,
 * not cacheable unless asked (PYNQ's default), and come from {@link Device#active()} unless a
 * device is given.
 * <pre>{@code
 * ContiguousBuffer samples = Buffers.allocate(4096, DType.INT16);        // 1-D, 8 KiB
 * ContiguousBuffer frame = Buffers.allocate(DType.U1, 480, 640, 3);     // 3-D, row-major
 * }</pre>
 */
public final class Buffers {
    /** The alignment of every buffer, in bytes: a cache line, and enough for AXI DMA up to 512-bit data. */
    public static final long ALIGNMENT = 64;

    private Buffers() {}

    /** A 1-D buffer of {@code length} elements on the active device, not cacheable. */
    public static ContiguousBuffer allocate(long length, DType dtype) {
        return allocate(Device.active(), new long[] {length}, dtype, false);
    }

    /** A buffer of the given shape (outermost first) on the active device, not cacheable. */
    public static ContiguousBuffer allocate(DType dtype, long... shape) {
        return allocate(Device.active(), shape, dtype, false);
    }

    /**
     * A buffer of the given shape on {@code device}.
     *
     * @param shape one or more dimensions, each &gt; 0; the byte size must stay below 2 GiB
     * @param cacheable whether the CPU may cache it (see {@link ContiguousBuffer})
     * @throws IllegalArgumentException if the shape is empty, has a dimension &lt;= 0, or is too large
     * @throws io.jynq.device.OutOfDeviceMemoryException if the device has no free block that large;
     *         the message names the largest free block
     */
    public static ContiguousBuffer allocate(Device device, long[] shape, DType dtype, boolean cacheable) {
        Objects.requireNonNull(dtype, "dtype");
        if (shape.length == 0) {
            throw new IllegalArgumentException("a buffer needs at least one dimension");
        }
        long n = 1;
        for (long d : shape) {
            if (d <= 0) {
                throw new IllegalArgumentException("buffer shape " + Arrays.toString(shape) + " has a dimension <= 0");
            }
            n = Math.multiplyHigh(n, d) != 0 ? -1 : n * d;
            if (n < 0 || n > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("buffer shape " + Arrays.toString(shape) + " of " + dtype.shortName()
                        + " is too large; buffers hold at most 2 GiB - 1 bytes");
            }
        }
        long bytes = n * dtype.byteSize();
        if (bytes > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("buffer shape " + Arrays.toString(shape) + " of " + dtype.shortName()
                    + " needs " + bytes + " bytes; buffers hold at most 2 GiB - 1 bytes");
        }
        DeviceMemory m = device.allocate(bytes, ALIGNMENT, cacheable);
        try {
            return new ContiguousBuffer(m, shape.clone(), dtype);
        } catch (RuntimeException e) {
            m.close();
            throw e;
        }
    }
}
