package io.jynq.device.embedded;

import io.jynq.device.MemoryStats;
import io.jynq.device.OutOfDeviceMemoryException;
import java.util.Map;
import java.util.TreeMap;

/**
 * First-fit allocation of blocks inside one physically contiguous region (a u-dma-buf buffer).
 * Blocks are aligned on the <em>physical</em> address and rounded up to whole 64-byte cache
 * lines, so a cached and an uncached block never share a line. Freed blocks merge with free
 * neighbours. Not thread-safe: {@link UdmabufRegion} synchronises.
 */
final class ContiguousAllocator {
    static final long LINE = 64;

    private final long physicalBase;
    private final long size;
    /** Free blocks: offset to length, in address order. */
    private final TreeMap<Long, Long> free = new TreeMap<>();
    /** Live blocks: offset of the reserved span to its length (padding included). */
    private final TreeMap<Long, Long> used = new TreeMap<>();

    ContiguousAllocator(long physicalBase, long size) {
        this.physicalBase = physicalBase;
        this.size = size;
        if (size > 0) {
            free.put(0L, size);
        }
    }

    /**
     * Reserves {@code byteSize} bytes whose physical address is a multiple of {@code alignment}.
     *
     * @return the block's offset from the region start, in bytes
     * @throws OutOfDeviceMemoryException naming the request and the largest free block
     */
    long allocate(long byteSize, long alignment) {
        if (alignment > 1L << 40) {
            throw new IllegalArgumentException("alignment " + alignment + " is larger than 2^40 bytes");
        }
        if (byteSize > size) {
            throw new OutOfDeviceMemoryException(String.format(
                    "cannot allocate %d bytes in the contiguous region at 0x%x: it has only %d bytes (largest free block %d)",
                    byteSize, physicalBase, size, largestFree()));
        }
        long align = Math.max(alignment, LINE);
        long length = roundUp(byteSize, LINE);
        for (Map.Entry<Long, Long> block : free.entrySet()) {
            long start = block.getKey();
            long end = start + block.getValue();
            long aligned = roundUp(physicalBase + start, align) - physicalBase;
            if (aligned + length <= end) {
                free.remove(start);
                if (aligned > start) {
                    free.put(start, aligned - start);
                }
                if (aligned + length < end) {
                    free.put(aligned + length, end - aligned - length);
                }
                used.put(aligned, length);
                return aligned;
            }
        }
        throw new OutOfDeviceMemoryException(String.format(
                "cannot allocate %d bytes aligned to %d in the contiguous region at 0x%x (%d bytes): the largest free block is %d bytes",
                byteSize, alignment, physicalBase, size, largestFree()));
    }

    /** Returns the block at {@code offset}; a block freed twice is ignored. */
    void free(long offset) {
        Long length = used.remove(offset);
        if (length == null) {
            return;
        }
        long start = offset;
        long end = offset + length;
        Map.Entry<Long, Long> before = free.floorEntry(start);
        if (before != null && before.getKey() + before.getValue() == start) {
            start = before.getKey();
            free.remove(start);
        }
        Long after = free.remove(end);
        if (after != null) {
            end += after;
        }
        free.put(start, end - start);
    }

    long largestFree() {
        return free.values().stream().mapToLong(Long::longValue).max().orElse(0);
    }

    MemoryStats stats() {
        long inUse = used.values().stream().mapToLong(Long::longValue).sum();
        return new MemoryStats(size, inUse, largestFree(), used.size());
    }

    private static long roundUp(long value, long multiple) {
        return Math.floorDiv(value + multiple - 1, multiple) * multiple;
    }
}
