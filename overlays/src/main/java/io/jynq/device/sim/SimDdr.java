package io.jynq.device.sim;

import io.jynq.device.MemoryStats;
import io.jynq.device.OutOfDeviceMemoryException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;

/**
 * Simulated DDR of one board: {@code ddr.bin} in the state directory, a sparse file mapped into
 * every process that opens the board, and this process's {@link DdrAllocator} over it. Addresses
 * are physical (bytes from 0); offsets are bytes from DDR's first byte.
 */
final class SimDdr {
    private final long baseAddress;
    private final ByteBuffer bytes;
    private final long byteSize;
    private final DdrAllocator allocator;
    /** Offset to length of the ranges DMA models hold, and blocks freed while held (offset to size). */
    private final Map<Long, Long> holds = new HashMap<>();
    private final Map<Long, Long> deferred = new HashMap<>();

    private final Path file;
    private final DiskSpace disk;

    private SimDdr(Path stateDirectory, long baseAddress, ByteBuffer bytes, long byteSize, DiskSpace disk) {
        this.file = stateDirectory.resolve("ddr.bin");
        this.disk = disk;
        this.baseAddress = baseAddress;
        this.bytes = bytes;
        this.byteSize = byteSize;
        this.allocator = new DdrAllocator(new ArenaTable(stateDirectory.resolve("ddr.arenas"), byteSize), byteSize);
    }

    /**
     * Maps {@code ddr.bin} in {@code config}'s state directory (which must exist), creating it or
     * resizing it to {@link SimConfig#ddrBytes()} when it is missing or outside
     * [1 MiB, {@link SimConfig#MAX_DDR_BYTES}]; an existing board keeps its size. The file stays
     * sparse: each allocation reserves its own blocks through {@code disk}.
     */
    static SimDdr open(SimConfig config, DiskSpace disk) throws IOException {
        Path dir = config.stateDirectory();
        try (FileChannel ch = FileChannel.open(dir.resolve("ddr.bin"), StandardOpenOption.CREATE,
                StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long size = ch.size();
            if (size > 0 && size < SimConfig.MIN_DDR_BYTES) {
                throw new io.jynq.device.DeviceException(dir.resolve("ddr.bin") + " is " + size + " bytes, smaller than"
                        + " one " + (ArenaTable.QUANTUM >> 20) + " MiB arena, so nothing could be allocated in it; "
                        + BoardReset.HINT);
            }
            if (size == 0 || size > SimConfig.MAX_DDR_BYTES) {
                size = config.ddrBytes();
                ch.write(ByteBuffer.allocate(1), size - 1);  // sparse
            }
            ByteBuffer map = ch.map(FileChannel.MapMode.READ_WRITE, 0, size).order(ByteOrder.LITTLE_ENDIAN);
            return new SimDdr(dir, config.ddrBaseAddress(), map, size, disk);
        }
    }

    /** Physical address of the first byte. */
    long baseAddress() {
        return baseAddress;
    }

    /** Size in bytes. */
    long byteSize() {
        return byteSize;
    }

    /** Whether {@code [phys, phys + length)} lies wholly inside DDR. */
    boolean contains(long phys, long length) {
        return phys >= baseAddress && phys + length <= baseAddress + byteSize;
    }

    /** A little-endian view of DDR at {@code [phys, phys + length)}, or null outside it. */
    ByteBuffer window(long phys, int length) {
        long off = phys - baseAddress;
        if (length < 0 || off < 0 || off + length > byteSize) {
            return null;
        }
        return slice(off, length);
    }

    /**
     * Allocates {@code size} bytes at a multiple of {@code alignment} (both already checked).
     *
     * @return the offset in DDR
     * @throws OutOfDeviceMemoryException naming the largest free block when nothing fits
     */
    synchronized long allocate(long size, long alignment) {
        long off = allocator.allocate(size, alignment);
        try {
            disk.reserve(file, off, size, "a " + size + "-byte buffer");
        } catch (RuntimeException e) {
            allocator.free(off);
            throw e;
        }
        return off;
    }

    /** A little-endian view of an allocated block at {@code offset}, {@code size} bytes long. */
    ByteBuffer block(long offset, long size) {
        return slice(offset, size);
    }

    /**
     * Returns the block {@code [offset, offset + size)} to the allocator, or, while a DMA model
     * holds part of it ({@link #hold}), once the last such hold is released: memory a transfer
     * may still write is not given to a new buffer.
     */
    synchronized void free(long offset, long size) {
        for (Map.Entry<Long, Long> h : holds.entrySet()) {
            if (h.getKey() < offset + size && offset < h.getKey() + h.getValue()) {
                deferred.put(offset, size);
                return;
            }
        }
        allocator.free(offset);
    }

    /** A master will access {@code [offset, offset + length)} until {@link #release}{@code (offset)}. */
    synchronized void hold(long offset, long length) {
        if (offset >= 0 && offset < byteSize && length > 0) {
            holds.put(offset, Math.min(length, byteSize - offset));
        }
    }

    /** Ends the hold at {@code offset} and frees the blocks that waited only for it. */
    synchronized void release(long offset) {
        if (holds.remove(offset) == null) {
            return;
        }
        var it = deferred.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<Long, Long> d = it.next();
            boolean held = holds.entrySet().stream().anyMatch(h -> h.getKey() < d.getKey() + d.getValue()
                    && d.getKey() < h.getKey() + h.getValue());
            if (!held) {
                it.remove();
                allocator.free(d.getKey());
            }
        }
    }

    synchronized MemoryStats stats() {
        return allocator.stats();
    }

    /** Gives every arena this process holds back to the board (when the device closes). */
    synchronized void releaseAll() {
        allocator.releaseAll();
    }

    private ByteBuffer slice(long off, long length) {
        ByteBuffer w = bytes.duplicate();
        w.position((int) off).limit((int) (off + length));
        return w.slice().order(ByteOrder.LITTLE_ENDIAN);
    }
}
