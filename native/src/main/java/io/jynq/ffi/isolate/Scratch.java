package io.jynq.ffi.isolate;

import com.sun.jna.Pointer;
import io.jynq.ffi.NativeMemory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A file both the JVM and the helper map, for the arguments that live on the Java heap (primitive
 * arrays, Strings): they are copied in before the call, each at its own page, and arrays copied
 * back after it. Contiguous buffers with a file ({@link NativeMemory#fileWindow()}) never come
 * here, they are mapped where they are; other native memory is copied like an array.
 */
final class Scratch implements AutoCloseable {
    static final long PAGE = 4096;

    private final Path dir;
    private Path file;
    private MappedByteBuffer map;
    private int generation;
    /** The helper's id for the current file, or -1 until it has been opened there. */
    int fileId = -1;

    Scratch(Path dir) {
        this.dir = dir;
    }

    static long pageUp(long bytes) {
        return Math.max(PAGE, (bytes + PAGE - 1) / PAGE * PAGE);
    }

    Path file() {
        return file;
    }

    /** Makes room for {@code bytes}; a larger need moves to a new, larger file (to be opened anew). */
    void reserve(long bytes) {
        if (map != null && map.capacity() >= bytes) {
            return;
        }
        if (bytes > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("arrays of " + bytes + " bytes in one call are too large to pass to an"
                    + " isolated C function; use a contiguous buffer (Buffers.allocate), which is passed without a copy");
        }
        close();
        long size = Math.max(1 << 20, Long.highestOneBit(bytes - 1) << 1);
        size = Math.min(size, Integer.MAX_VALUE - PAGE + 1);
        try {
            file = dir.resolve("scratch-" + (++generation));
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ,
                    StandardOpenOption.WRITE)) {
                ch.truncate(size);
                ch.write(ByteBuffer.allocate(1), size - 1);
                map = ch.map(FileChannel.MapMode.READ_WRITE, 0, size);
            }
            map.order(ByteOrder.nativeOrder());
            fileId = -1;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the scratch file for C call arguments in " + dir, e);
        }
    }

    void copyIn(Object value, long offset) {
        ByteBuffer b = map.duplicate().order(ByteOrder.nativeOrder()).position((int) offset);
        if (value instanceof NativeMemory m) {
            b.put(new Pointer(m.address()).getByteArray(0, Math.toIntExact(m.byteSize())));
        } else if (value instanceof byte[] a) {
            b.put(a);
        } else if (value instanceof short[] a) {
            b.asShortBuffer().put(a);
        } else if (value instanceof int[] a) {
            b.asIntBuffer().put(a);
        } else if (value instanceof long[] a) {
            b.asLongBuffer().put(a);
        } else if (value instanceof float[] a) {
            b.asFloatBuffer().put(a);
        } else if (value instanceof double[] a) {
            b.asDoubleBuffer().put(a);
        }
    }

    void copyOut(Object value, long offset) {
        ByteBuffer b = map.duplicate().order(ByteOrder.nativeOrder()).position((int) offset);
        if (value instanceof NativeMemory m) {
            byte[] bytes = new byte[Math.toIntExact(m.byteSize())];
            b.get(bytes);
            new Pointer(m.address()).write(0, bytes, 0, bytes.length);
        } else if (value instanceof byte[] a) {
            b.get(a);
        } else if (value instanceof short[] a) {
            b.asShortBuffer().get(a);
        } else if (value instanceof int[] a) {
            b.asIntBuffer().get(a);
        } else if (value instanceof long[] a) {
            b.asLongBuffer().get(a);
        } else if (value instanceof float[] a) {
            b.asFloatBuffer().get(a);
        } else if (value instanceof double[] a) {
            b.asDoubleBuffer().get(a);
        }
    }

    @Override
    public void close() {
        map = null;
        if (file != null) {
            try {
                Files.deleteIfExists(file);  // the mapping lives on until collected; the name goes now
            } catch (IOException e) {
                // a leftover scratch file in a temp directory
            }
        }
    }
}
