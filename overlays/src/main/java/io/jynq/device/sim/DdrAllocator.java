package io.jynq.device.sim;

import io.jynq.device.MemoryStats;
import io.jynq.device.OutOfDeviceMemoryException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * This process's contiguous allocator over simulated DDR. It claims arenas from the board-wide
 * {@link ArenaTable} (8 MiB, or more for a large request) and carves buffers out of them first
 * fit, page (4 KiB) aligned. Freed blocks return to a free map and merge with free
 * neighbours in the same arena; an arena that becomes entirely free goes back to the board,
 * except the first one, kept so a loop of small allocate/close pairs touches no file lock.
 * Offsets are bytes from DDR's first byte. Not thread-safe: {@link SimDdr} synchronises.
 */
final class DdrAllocator {
    /**
     * Every block starts on a page and owns its pages whole, as PYNQ's and XRT's allocations do:
     * so a buffer's last page never holds a neighbour, and the isolated C call path can map a
     * buffer alone between guard pages (an overrun faults instead of corrupting the next buffer).
     */
    static final long MIN_ALIGNMENT = 4096;
    private static final long ARENA_BYTES = 8L << 20;

    private final ArenaTable table;
    private final long ddrBytes;
    private final TreeMap<Long, Long> free = new TreeMap<>();     // offset -> size
    private final TreeMap<Long, Long> arenas = new TreeMap<>();   // offset -> size
    private final Map<Long, Long> live = new HashMap<>();          // offset -> size
    private long liveBytes;

    DdrAllocator(ArenaTable table, long ddrBytes) {
        this.table = table;
        this.ddrBytes = ddrBytes;
    }

    /**
     * Allocates {@code byteSize} bytes (rounded up to a page) at a multiple of {@code alignment}.
     *
     * @return the offset in DDR
     * @throws OutOfDeviceMemoryException naming the largest free block when nothing fits; the
     *     allocator is unchanged
     */
    long allocate(long byteSize, long alignment) {
        long size = (byteSize + MIN_ALIGNMENT - 1) / MIN_ALIGNMENT * MIN_ALIGNMENT;
        long align = Math.max(MIN_ALIGNMENT, alignment);
        long at = fit(size, align);
        if (at < 0) {
            // Arenas start at multiples of ArenaTable.QUANTUM (2 MiB), so smaller alignments come free.
            long need = align <= ArenaTable.QUANTUM ? size : size + align;
            long[] arena = table.claim(need, Math.max(ARENA_BYTES, need));
            if (arena == null) {
                releaseEmptyArenas(true);
                arena = table.claim(need, need);
            }
            if (arena != null) {
                arenas.put(arena[0], arena[1]);
                free.put(arena[0], arena[1]);
                at = fit(size, align);
            }
        }
        if (at < 0) {
            throw new OutOfDeviceMemoryException(String.format(
                    "cannot allocate %s (%d bytes, %d-byte aligned) of simulated DDR: the largest free block is %s"
                            + " (%d bytes); %d live buffers use %d bytes here. Close buffers you no longer need,"
                            + " or give the board more DDR with JYNQ_SIM_DDR_MIB (now %d MiB)",
                    human(byteSize), byteSize, align, human(largestFree()), largestFree(), live.size(), liveBytes,
                    ddrBytes >> 20) + othersHint());
        }
        live.put(at, size);
        liveBytes += size;
        return at;
    }

    /**
     * Which other processes hold DDR: a pid that is not a JYNQ process (pids are reused after a
     * reboot) keeps its arenas until the board is reset.
     */
    private String othersHint() {
        Map<Long, Long> others = table.otherHolders();
        if (others.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder(". Other processes hold DDR here:");
        others.forEach((pid, bytes) -> sb.append(" pid ").append(pid).append(" (").append(human(bytes)).append(",")
                .append(ProcessHandle.of(pid).flatMap(h -> h.info().command()).orElse("?")).append(")"));
        return sb.append("; if one of them is not a JYNQ notebook, ").append(BoardReset.HINT).toString();
    }

    private long fit(long size, long align) {
        for (Map.Entry<Long, Long> e : free.entrySet()) {
            long start = e.getKey();
            long end = start + e.getValue();
            long aligned = (start + align - 1) / align * align;
            if (aligned + size <= end) {
                free.remove(start);
                if (aligned > start) {
                    free.put(start, aligned - start);
                }
                if (aligned + size < end) {
                    free.put(aligned + size, end - aligned - size);
                }
                return aligned;
            }
        }
        return -1;
    }

    /**
     * Frees the block at {@code offset}, merging it with free neighbours of its arena.
     *
     * @throws IllegalStateException if no live block starts there
     */
    void free(long offset) {
        Long size = live.remove(offset);
        if (size == null) {
            throw new IllegalStateException("no live simulated DDR block at offset 0x" + Long.toHexString(offset));
        }
        liveBytes -= size;
        long start = offset;
        long end = offset + size;
        Map.Entry<Long, Long> arena = arenas.floorEntry(offset);
        long arenaStart = arena.getKey();
        long arenaEnd = arenaStart + arena.getValue();
        Map.Entry<Long, Long> before = free.floorEntry(start);
        if (before != null && before.getKey() + before.getValue() == start && before.getKey() >= arenaStart) {
            start = before.getKey();
            free.remove(start);
        }
        Long after = free.get(end);
        if (after != null && end < arenaEnd) {
            free.remove(end);
            end += after;
        }
        free.put(start, end - start);
        releaseEmptyArenas(false);
    }

    private void releaseEmptyArenas(boolean includingFirst) {
        List<Long> empty = new ArrayList<>();
        boolean first = true;
        for (Map.Entry<Long, Long> a : arenas.entrySet()) {
            Long f = free.get(a.getKey());
            if (f != null && f.longValue() == a.getValue() && (includingFirst || !first)) {
                empty.add(a.getKey());
            }
            first = false;
        }
        for (long off : empty) {
            free.remove(off);
            arenas.remove(off);
            table.release(off);
        }
    }

    /** Returns every arena to the board (on close). */
    void releaseAll() {
        for (long off : new ArrayList<>(arenas.keySet())) {
            table.release(off);
        }
        arenas.clear();
        free.clear();
        live.clear();
        liveBytes = 0;
    }

    private long largestFree() {
        long largest = 0;
        for (long f : free.values()) {
            largest = Math.max(largest, f);
        }
        long gap = table.usage()[1];
        long emptyArenas = 0;
        for (Map.Entry<Long, Long> a : arenas.entrySet()) {
            Long f = free.get(a.getKey());
            if (f != null && f.longValue() == a.getValue()) {
                emptyArenas = Math.max(emptyArenas, a.getValue());
            }
        }
        return Math.max(largest, Math.max(gap, emptyArenas));
    }

    MemoryStats stats() {
        long[] usage = table.usage();
        long largest = 0;
        for (long f : free.values()) {
            largest = Math.max(largest, f);
        }
        return new MemoryStats(ddrBytes, liveBytes + usage[0], Math.max(largest, usage[1]), live.size());
    }

    private static String human(long bytes) {
        if (bytes >= 1L << 20) {
            return String.format("%.1f MiB", bytes / (double) (1L << 20));
        }
        if (bytes >= 1L << 10) {
            return String.format("%.1f KiB", bytes / 1024.0);
        }
        return bytes + " bytes";
    }
}
