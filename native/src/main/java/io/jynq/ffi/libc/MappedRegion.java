package io.jynq.ffi.libc;

import com.sun.jna.Pointer;
import io.jynq.ffi.NativeMemory;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.lang.ref.Cleaner;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A shared mapping of part of a file or device ({@code /dev/mem}, {@code /dev/udmabuf0}) whose
 * every access is bounds-checked before native memory is touched, so a wrong offset throws
 * {@link IndexOutOfBoundsException} instead of crashing the JVM.
 *
 * <p>Offsets are bytes from {@link #address()}, the first byte asked for (the mapping itself
 * starts at the page boundary below it). Values are little-endian. 16-, 32- and 64-bit accesses
 * must be naturally aligned and are single volatile loads and stores, so a register poll is
 * never hoisted out of its loop by the JIT and a register is never split into byte accesses.
 *
 * <p>Lifetime: {@link #close()} makes every further access throw {@link IllegalStateException};
 * the pages are unmapped only once neither this object nor any {@link #byteBuffer()} view is
 * reachable, so a thread racing with {@code close()}, or a view kept by a user, can never touch
 * unmapped memory.
 */
public final class MappedRegion implements NativeMemory, AutoCloseable {
    private static final Cleaner CLEANER = Cleaner.create();
    private static final VarHandle SHORTS = MethodHandles.byteBufferViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INTS = MethodHandles.byteBufferViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONGS = MethodHandles.byteBufferViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private final String description;
    private final long address;
    private final long byteSize;
    /** The whole requested range; views are slices of it, so they keep it (and the mapping) alive. */
    private final ByteBuffer root;
    private volatile boolean closed;

    private MappedRegion(String description, long address, long byteSize, ByteBuffer root) {
        this.description = description;
        this.address = address;
        this.byteSize = byteSize;
        this.root = root;
    }

    /**
     * Maps {@code byteLength} bytes of {@code file} from byte {@code offset} for reading and writing.
     *
     * @param file a device such as {@code /dev/mem}, or a regular file (then it must be at least
     *        {@code offset + byteLength} bytes long, since touching a page past its end raises SIGBUS)
     * @param offset bytes; any value, the mapping is page-aligned below it
     * @param byteLength bytes, 1 .. {@link Integer#MAX_VALUE}
     * @param sync open with {@code O_SYNC}: uncached for {@code /dev/mem} and u-dma-buf
     * @throws IllegalArgumentException if the length is out of range or a regular file is too short
     * @throws NativeException if open or mmap fails (e.g. EACCES without root)
     */
    public static MappedRegion map(Path file, long offset, long byteLength, boolean sync) {
        if (offset < 0 || byteLength <= 0 || byteLength > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("cannot map " + byteLength + " bytes at offset 0x"
                    + Long.toHexString(offset) + " of " + file + ": need offset >= 0 and 1 <= length <= 2^31-1");
        }
        long pageBase = pageBase(offset, Libc.pageSize());
        long delta = offset - pageBase;
        long mapLength = delta + byteLength;
        int fd = Libc.open(file.toString(), Libc.O_RDWR | (sync ? Libc.O_SYNC : 0));
        long mapped;
        try {
            checkRegularFileLength(file, offset, byteLength); // after open: a permission error comes first
            mapped = Libc.mmap(mapLength, Libc.PROT_READ | Libc.PROT_WRITE, fd, pageBase);
        } finally {
            Libc.close(fd); // the mapping keeps the file referenced
        }
        ByteBuffer root = new Pointer(mapped + delta).getByteBuffer(0, byteLength).order(ByteOrder.LITTLE_ENDIAN);
        CLEANER.register(root, () -> Libc.munmap(mapped, mapLength));
        String what = String.format("%s @ 0x%x (%d bytes)", file, offset, byteLength);
        return new MappedRegion(what, mapped + delta, byteLength, root);
    }

    /**
     * The page-aligned offset at or below {@code offset} that mmap takes: the page size is the
     * running kernel's (4 KiB on Zynq-7000, 4 or 64 KiB on arm64 kernels), never assumed.
     */
    static long pageBase(long offset, long pageSize) {
        if (Long.bitCount(pageSize) != 1) {
            throw new IllegalArgumentException("a page size is a power of two, got " + pageSize);
        }
        return offset & -pageSize;
    }

    private static void checkRegularFileLength(Path file, long offset, long byteLength) {
        try {
            if (Files.isRegularFile(file) && Files.size(file) < offset + byteLength) {
                throw new IllegalArgumentException(String.format(
                        "cannot map [0x%x, 0x%x) of %s: the file has only %d bytes", offset, offset + byteLength,
                        file, Files.size(file)));
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the size of " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public long address() {
        return address;
    }

    @Override
    public long byteSize() {
        return byteSize;
    }

    @Override
    public void checkOpen() {
        if (closed) {
            throw new IllegalStateException("mapping of " + description + " is closed");
        }
    }

    /** Whether {@link #close()} was called. */
    public boolean isClosed() {
        return closed;
    }

    private int check(long offset, int width) {
        checkOpen();
        Objects.checkFromIndexSize(offset, width, byteSize);
        if ((offset & (width - 1)) != 0) {
            throw new IllegalArgumentException(String.format("offset 0x%x of %s is not %d-byte aligned", offset,
                    description, width));
        }
        return (int) offset;
    }

    /** The byte at {@code offset}. */
    public byte getByte(long offset) {
        int i = check(offset, 1);
        VarHandle.fullFence(); // keeps the load in place, as a volatile access would
        byte b = root.get(i);
        VarHandle.fullFence();
        return b;
    }

    /** Writes the byte at {@code offset}. */
    public void putByte(long offset, byte value) {
        int i = check(offset, 1);
        VarHandle.fullFence();
        root.put(i, value);
        VarHandle.fullFence();
    }

    /** The 16-bit value at {@code offset} (2-byte aligned). */
    public short getShort(long offset) {
        return (short) SHORTS.getVolatile(root, check(offset, 2));
    }

    /** Writes the 16-bit value at {@code offset} (2-byte aligned). */
    public void putShort(long offset, short value) {
        SHORTS.setVolatile(root, check(offset, 2), value);
    }

    /** The 32-bit value at {@code offset} (4-byte aligned). */
    public int getInt(long offset) {
        return (int) INTS.getVolatile(root, check(offset, 4));
    }

    /** Writes the 32-bit value at {@code offset} (4-byte aligned). */
    public void putInt(long offset, int value) {
        INTS.setVolatile(root, check(offset, 4), value);
    }

    /** The 64-bit value at {@code offset} (8-byte aligned), one access. */
    public long getLong(long offset) {
        return (long) LONGS.getVolatile(root, check(offset, 8));
    }

    /** Writes the 64-bit value at {@code offset} (8-byte aligned), one access. */
    public void putLong(long offset, long value) {
        LONGS.setVolatile(root, check(offset, 8), value);
    }

    /**
     * A little-endian view of {@code [offset, offset + length)}; it stays valid memory (never
     * unmapped) as long as it is reachable, even after {@link #close()}.
     */
    public ByteBuffer byteBuffer(long offset, long length) {
        checkOpen();
        Objects.checkFromIndexSize(offset, length, byteSize);
        return root.slice((int) offset, (int) length).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** Writes dirty pages of {@code [offset, offset + length)} back to the file ({@code msync}, MS_SYNC). */
    public void sync(long offset, long length) {
        checkOpen();
        Objects.checkFromIndexSize(offset, length, byteSize);
        long page = Libc.pageSize();
        long start = (address + offset) & -page;
        Libc.msync(start, address + offset + length - start, Libc.MS_SYNC);
    }

    /** Forbids further access; harmless when already closed. The pages go when nothing refers to them. */
    @Override
    public void close() {
        closed = true;
    }

    @Override
    public String toString() {
        return "MappedRegion[" + description + (closed ? ", closed]" : "]");
    }
}
