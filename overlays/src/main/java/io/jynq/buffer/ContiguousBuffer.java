package io.jynq.buffer;

import io.jynq.device.DeviceMemory;
import io.jynq.ffi.NativeMemory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Objects;

/**
 * A physically contiguous buffer that PL masters (DMA, HLS IP) can read and write, seen as a
 * typed array of {@link #shape()} elements of {@link #dtype()} (PYNQ's {@code PynqBuffer}).
 * Made by {@link Buffers#allocate}.
 * <pre>{@code
 * try (ContiguousBuffer in = Buffers.allocate(1024, DType.INT32)) {
 *     in.copyFrom(samples);              // int[1024]
 *     in.flush();                        // CPU caches -> memory (no-op when not cacheable)
 *     dma.sendChannel().transfer(in);    // the DMA reads in.physicalAddress()
 * }
 * }</pre>
 *
 * <p>Elements are addressed by flat index {@code 0 .. length()-1} in row-major order
 * ({@link #flatIndex} converts coordinates). Memory is little-endian.
 *
 * <p>States: open until {@link #close()}; closing twice is harmless; any other call after close
 * throws {@link IllegalStateException}. A {@link #slice} shares its parent's memory: it is
 * closed when the parent is, and closing a slice does not free anything.
 *
 * <p>Caching: a cacheable buffer needs {@link #flush()} before a PL master reads it and
 * {@link #invalidate()} after one wrote it (the DMA driver does both for you). On the simulator
 * both are bookkeeping only.
 */
public final class ContiguousBuffer implements NativeMemory, AutoCloseable {
    private final ContiguousBuffer root;
    private final DeviceMemory memory;
    private final long byteOffset;
    private final long byteSize;
    private final long physicalAddress;
    private final long[] shape;
    private final long length;
    private final DType dtype;
    private final ByteBuffer bytes;
    private volatile boolean closed;
    /** PL masters that may still access the allocation (on the root only); see {@link #inUseBy}. */
    private final java.util.List<java.util.function.Supplier<String>> users = new java.util.concurrent.CopyOnWriteArrayList<>();
    /** Frees the allocation if this (root) buffer becomes unreachable unclosed; null on slices. */
    private final LeakGuard leakGuard;

    ContiguousBuffer(DeviceMemory memory, long[] shape, DType dtype) {
        this(null, memory, 0, shape, dtype);
    }

    private ContiguousBuffer(ContiguousBuffer parent, DeviceMemory memory, long byteOffset, long[] shape, DType dtype) {
        this.root = parent == null ? this : parent.root;
        this.memory = memory;
        this.byteOffset = byteOffset;
        this.shape = shape;
        this.dtype = dtype;
        long n = 1;
        for (long d : shape) {
            n *= d;
        }
        this.length = n;
        this.byteSize = n * dtype.byteSize();
        this.physicalAddress = memory.physicalAddress() + byteOffset;
        ByteBuffer whole = parent == null ? memory.buffer() : parent.root.bytes;
        this.bytes = whole.slice(Math.toIntExact(byteOffset), Math.toIntExact(byteSize)).order(ByteOrder.LITTLE_ENDIAN);
        this.leakGuard = parent == null ? LeakGuard.watch(this, memory) : null;
    }

    /** The address PL masters use for element 0, in bytes (PYNQ's {@code physical_address}/{@code device_address}). */
    public long physicalAddress() {
        checkOpen();
        return physicalAddress;
    }

    /** The size in bytes, {@code length() * dtype().byteSize()}. */
    @Override
    public long byteSize() {
        return byteSize;
    }

    /**
     * The virtual address of element 0 in this process, for native code (JNA), or 0 where the
     * device gives no native address (then pass {@link #byteBuffer()} instead).
     *
     * @throws IllegalStateException if closed
     */
    @Override
    public long address() {
        checkOpen();
        long a = memory.address();
        return a == 0 ? 0 : a + byteOffset;
    }

    /** Where another process can map element 0 (see {@link NativeMemory#fileWindow()}), or null. */
    @Override
    public FileWindow fileWindow() {
        checkOpen();
        FileWindow w = memory.fileWindow();
        return w == null ? null : new FileWindow(w.file(), w.offset() + byteOffset);
    }

    /** The shape, outermost dimension first (a copy). */
    public long[] shape() {
        return shape.clone();
    }

    /** The number of elements, the product of the shape. */
    public long length() {
        return length;
    }

    /** The element type. */
    public DType dtype() {
        return dtype;
    }

    /** Whether the CPU may cache this memory (see the class comment). */
    public boolean cacheable() {
        return memory.cacheable();
    }

    /** Whether {@link #close()} was called on this buffer's root allocation. */
    public boolean isClosed() {
        return root.closed;
    }

    /** @throws IllegalStateException if this buffer (or the buffer it was sliced from) is closed */
    @Override
    public void checkOpen() {
        if (root.closed) {
            throw new IllegalStateException("buffer " + describe() + " is closed; allocate a new one with Buffers.allocate");
        }
    }

    /**
     * The row-major flat index of the element at {@code coordinates} (one per dimension).
     *
     * @throws IndexOutOfBoundsException if the count or a coordinate is out of range
     */
    public long flatIndex(long... coordinates) {
        if (coordinates.length != shape.length) {
            throw new IndexOutOfBoundsException(coordinates.length + " coordinates for a buffer of shape "
                    + Arrays.toString(shape));
        }
        long idx = 0;
        for (int i = 0; i < shape.length; i++) {
            idx = idx * shape[i] + Objects.checkIndex(coordinates[i], shape[i]);
        }
        return idx;
    }

    private int at(long index) {
        checkOpen();
        return (int) Objects.checkIndex(index, length) * dtype.byteSize();
    }

    /**
     * The element at flat {@code index} as a long: integers sign- or zero-extended by their dtype,
     * floats truncated toward zero.
     *
     * @throws IndexOutOfBoundsException if {@code index} is not in {@code [0, length())}
     */
    public long getLong(long index) {
        return dtype.getLong(bytes, at(index));
    }

    /** The element at flat {@code index} as an int (a {@code u4} above 2^31 reads negative, the same bits). */
    public int getInt(long index) {
        return (int) getLong(index);
    }

    /** The element at flat {@code index} as a double (a {@code u8} above 2^63 reads as its unsigned value). */
    public double getDouble(long index) {
        return dtype.getDouble(bytes, at(index));
    }

    /**
     * Stores {@code value} at flat {@code index}, truncated to the dtype's width (as numpy's
     * {@code astype} does); floats store the converted value.
     *
     * @throws IndexOutOfBoundsException if {@code index} is not in {@code [0, length())}
     */
    public void setLong(long index, long value) {
        dtype.putLong(bytes, at(index), value);
    }

    /** Stores an int, as {@link #setLong}. */
    public void setInt(long index, int value) {
        setLong(index, value);
    }

    /** Stores {@code value}; integer dtypes take it truncated toward zero. */
    public void setDouble(long index, double value) {
        dtype.putDouble(bytes, at(index), value);
    }

    /** Copies {@code src} into elements {@code 0..src.length-1}; the dtype must be 1 byte wide. */
    public void copyFrom(byte[] src) {
        view(1, false, src.length, "byte[]").put(src);
    }

    /** Copies {@code src} into elements {@code 0..src.length-1}; the dtype must be u2 or i2. */
    public void copyFrom(short[] src) {
        view(2, false, src.length, "short[]").asShortBuffer().put(src);
    }

    /** Copies {@code src} into elements {@code 0..src.length-1}; the dtype must be u4 or i4. */
    public void copyFrom(int[] src) {
        view(4, false, src.length, "int[]").asIntBuffer().put(src);
    }

    /** Copies {@code src} into elements {@code 0..src.length-1}; the dtype must be u8 or i8. */
    public void copyFrom(long[] src) {
        view(8, false, src.length, "long[]").asLongBuffer().put(src);
    }

    /** Copies {@code src} into elements {@code 0..src.length-1}; the dtype must be f4. */
    public void copyFrom(float[] src) {
        view(4, true, src.length, "float[]").asFloatBuffer().put(src);
    }

    /** Copies {@code src} into elements {@code 0..src.length-1}; the dtype must be f8. */
    public void copyFrom(double[] src) {
        view(8, true, src.length, "double[]").asDoubleBuffer().put(src);
    }

    /** Copies elements {@code 0..dst.length-1} into {@code dst}; the dtype must be 1 byte wide. */
    public void copyTo(byte[] dst) {
        view(1, false, dst.length, "byte[]").get(dst);
    }

    /** Copies elements {@code 0..dst.length-1} into {@code dst}; the dtype must be u2 or i2. */
    public void copyTo(short[] dst) {
        view(2, false, dst.length, "short[]").asShortBuffer().get(dst);
    }

    /** Copies elements {@code 0..dst.length-1} into {@code dst}; the dtype must be u4 or i4. */
    public void copyTo(int[] dst) {
        view(4, false, dst.length, "int[]").asIntBuffer().get(dst);
    }

    /** Copies elements {@code 0..dst.length-1} into {@code dst}; the dtype must be u8 or i8. */
    public void copyTo(long[] dst) {
        view(8, false, dst.length, "long[]").asLongBuffer().get(dst);
    }

    /** Copies elements {@code 0..dst.length-1} into {@code dst}; the dtype must be f4. */
    public void copyTo(float[] dst) {
        view(4, true, dst.length, "float[]").asFloatBuffer().get(dst);
    }

    /** Copies elements {@code 0..dst.length-1} into {@code dst}; the dtype must be f8. */
    public void copyTo(double[] dst) {
        view(8, true, dst.length, "double[]").asDoubleBuffer().get(dst);
    }

    /** All elements widened to long (see {@link #getLong}), e.g. for a table. */
    public long[] toLongArray() {
        long[] out = new long[Math.toIntExact(length)];
        for (int i = 0; i < out.length; i++) {
            out[i] = getLong(i);
        }
        return out;
    }

    /** All elements as doubles (see {@link #getDouble}), e.g. for a plot. */
    public double[] toDoubleArray() {
        double[] out = new double[Math.toIntExact(length)];
        for (int i = 0; i < out.length; i++) {
            out[i] = getDouble(i);
        }
        return out;
    }

    private ByteBuffer view(int elementBytes, boolean floating, int count, String what) {
        checkOpen();
        if (dtype.byteSize() != elementBytes || dtype.floating() != floating) {
            throw new IllegalArgumentException("cannot copy " + what + " to or from a buffer of dtype " + dtype.shortName()
                    + "; use an array of the dtype's width (" + dtype.shortName() + " takes "
                    + dtype.javaArray() + ")");
        }
        if (count > length) {
            throw new IndexOutOfBoundsException(what + " of " + count + " elements does not fit in buffer "
                    + describe() + " of " + length + " elements");
        }
        return bytes.duplicate().order(ByteOrder.LITTLE_ENDIAN);
    }

    /**
     * A little-endian view of this buffer's bytes (position 0, limit {@link #byteSize()}); a new
     * view on each call. Do not use it after {@link #close()}: the memory may then belong to
     * another buffer.
     */
    public ByteBuffer byteBuffer() {
        checkOpen();
        return bytes.duplicate().order(ByteOrder.LITTLE_ENDIAN);
    }

    /**
     * Elements {@code [from, to)} of the outermost dimension as a buffer sharing this memory,
     * whose physical address is offset accordingly (PYNQ's {@code buf[from:to]}). Example: for a
     * {@code u4} buffer at 0x1000_0000, {@code slice(16, 32)} starts at 0x1000_0040 and holds 16
     * elements.
     *
     * @throws IndexOutOfBoundsException unless {@code 0 <= from < to <= shape()[0]}
     */
    public ContiguousBuffer slice(long from, long to) {
        checkOpen();
        if (from < 0 || to > shape[0] || from >= to) {
            throw new IndexOutOfBoundsException("slice [" + from + ", " + to + ") of buffer " + describe()
                    + ": need 0 <= from < to <= " + shape[0]);
        }
        long[] s = shape.clone();
        s[0] = to - from;
        long rowBytes = byteSize / shape[0];
        return new ContiguousBuffer(this, memory, byteOffset + from * rowBytes, s, dtype);
    }

    /** Makes CPU writes visible to PL masters (cache clean); no effect when not cacheable. */
    public void flush() {
        checkOpen();
        memory.flush(byteOffset, byteSize);
    }

    /** Makes PL master writes visible to the CPU (cache invalidate); no effect when not cacheable. */
    public void invalidate() {
        checkOpen();
        memory.invalidate(byteOffset, byteSize);
    }

    /**
     * Frees the memory (PYNQ's {@code freebuffer}); harmless when already closed. Closing a
     * slice does nothing: the allocation is freed by closing the buffer it was sliced from.
     *
     * @throws IllegalStateException if a PL master may still write it ({@link #inUseBy}), naming
     *                               the transfer; the buffer stays open
     */
    @Override
    public void close() {
        if (root != this || closed) {
            return;
        }
        for (java.util.function.Supplier<String> user : users) {
            String armed = user.get();
            if (armed == null) {
                users.remove(user);
            } else {
                throw new IllegalStateException("cannot free " + describe() + ": " + armed
                        + "; await() the transfer (or reset the DMA) first, so it cannot write memory given to another buffer");
            }
        }
        closed = true;
        leakGuard.closed();
        memory.close();
    }

    /**
     * Registers a PL master that may read or write this buffer (or the buffer it was sliced from):
     * while {@code user} returns a description, e.g. {@code "S2MM of axi_dma_0 is armed with 4096
     * bytes of it"}, {@link #close()} refuses with {@link IllegalStateException}; once it returns
     * null it is forgotten. Drivers call it when they start a transfer (the DMA driver does).
     */
    public void inUseBy(java.util.function.Supplier<String> user) {
        root.users.add(Objects.requireNonNull(user, "user"));
    }

    private String describe() {
        return dtype.shortName() + Arrays.toString(shape) + " @ 0x" + Long.toHexString(physicalAddress);
    }

    /** One line, e.g. {@code ContiguousBuffer[i4 [5] @ 0x10000000, 20 bytes: 0, 1, 2, 3, 4]}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("ContiguousBuffer[").append(describe()).append(", ").append(byteSize).append(" bytes");
        if (root.closed) {
            return sb.append(", closed]").toString();
        }
        sb.append(": ");
        long n = Math.min(length, 8);
        for (long i = 0; i < n; i++) {
            sb.append(i == 0 ? "" : ", ").append(dtype.floating() ? String.valueOf(getDouble(i)) : String.valueOf(getLong(i)));
        }
        return sb.append(length > n ? ", ...]" : "]").toString();
    }
}
