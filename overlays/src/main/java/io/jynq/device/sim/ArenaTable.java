package io.jynq.device.sim;

import io.jynq.device.DeviceException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The board-wide table of DDR arenas, {@code ddr.arenas} in the state directory: which process
 * (by pid) holds which range of simulated DDR. This is how allocations of two processes stay
 * disjoint: a process claims whole arenas (multiples of {@link #QUANTUM}) here, under an
 * exclusive file lock, and then carves its buffers out of its own arenas without locking again.
 * Entries of processes that no longer run are dropped at the next claim, so a crashed notebook
 * does not leak DDR.
 *
 * <p>File format (little-endian): magic {@code "JDDR"}, version 1, DDR size (long), entry count
 * (int), then per entry offset, size and pid (3 longs), sorted by offset.
 */
final class ArenaTable {
    /** Arena granularity: 2 MiB. */
    static final long QUANTUM = 2L << 20;
    private static final int MAGIC = 0x5244444A;  // "JDDR"
    private static final int HEADER = 20;
    private static final int ENTRY = 24;

    record Entry(long offset, long size, long pid) {}

    private final Path file;
    private final long ddrBytes;
    private final long pid = ProcessHandle.current().pid();

    ArenaTable(Path file, long ddrBytes) {
        this.file = file;
        this.ddrBytes = ddrBytes;
    }

    /**
     * Claims a free range of at least {@code minBytes} (rounded up to the quantum), preferring
     * {@code wantBytes}; returns {@code {offset, size}}, or null when no gap is large enough.
     */
    long[] claim(long minBytes, long wantBytes) {
        long min = roundUp(minBytes);
        long want = Math.max(min, roundUp(wantBytes));
        return lockedArray(entries -> {
            entries.removeIf(e -> e.pid != pid && !alive(e.pid));
            long bestOff = -1;
            long bestSize = 0;
            for (long[] gap : gaps(entries)) {
                if (gap[1] >= want) {
                    bestOff = gap[0];
                    bestSize = want;
                    break;
                }
                if (gap[1] >= min && gap[1] > bestSize) {
                    bestOff = gap[0];
                    bestSize = gap[1];
                }
            }
            if (bestOff >= 0) {
                entries.add(new Entry(bestOff, bestSize, pid));
                entries.sort((a, b) -> Long.compare(a.offset, b.offset));
                return new long[] {bestOff, bestSize};
            }
            return null;
        }, true);
    }

    /** Returns this process's arena at {@code offset} to the board. */
    void release(long offset) {
        lockedArray(entries -> {
            entries.removeIf(e -> e.offset == offset && e.pid == pid);
            return null;
        }, true);
    }

    /** Bytes held by other live processes, and the largest gap, as {@code {othersBytes, largestGap}}. */
    long[] usage() {
        return lockedArray(entries -> {
            long others = 0;
            for (Entry e : entries) {
                if (e.pid != pid && alive(e.pid)) {
                    others += e.size;
                }
            }
            long largest = 0;
            List<Entry> live = new ArrayList<>(entries);
            live.removeIf(e -> e.pid != pid && !alive(e.pid));
            for (long[] gap : gaps(live)) {
                largest = Math.max(largest, gap[1]);
            }
            return new long[] {others, largest};
        }, false);
    }

    /** Bytes held by each other live process, by pid, for the out-of-memory message. */
    java.util.Map<Long, Long> otherHolders() {
        java.util.Map<Long, Long> out = new java.util.TreeMap<>();
        lockedArray(entries -> {
            for (Entry e : entries) {
                if (e.pid != pid && alive(e.pid)) {
                    out.merge(e.pid, e.size, Long::sum);
                }
            }
            return null;
        }, false);
        return out;
    }

    private List<long[]> gaps(List<Entry> entries) {
        List<long[]> gaps = new ArrayList<>();
        long at = 0;
        for (Entry e : entries) {
            if (e.offset > at) {
                gaps.add(new long[] {at, e.offset - at});
            }
            at = Math.max(at, e.offset + e.size);
        }
        long end = ddrBytes / QUANTUM * QUANTUM;
        if (end > at) {
            gaps.add(new long[] {at, end - at});
        }
        return gaps;
    }

    private static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    private static long roundUp(long bytes) {
        return (Math.max(bytes, 1) + QUANTUM - 1) / QUANTUM * QUANTUM;
    }

    private interface Update {
        long[] apply(List<Entry> entries);
    }

    @SuppressWarnings("try")  // the lock is held for the body, never referenced
    private long[] lockedArray(Update f, boolean write) {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
             FileLock ignored = ch.lock()) {
            List<Entry> entries = read(ch);
            long[] result = f.apply(entries);
            if (write) {
                write(ch, entries);
            }
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot update the simulated DDR arena table " + file, e);
        }
    }

    private List<Entry> read(FileChannel ch) throws IOException {
        List<Entry> entries = new ArrayList<>();
        long size = ch.size();
        if (size == 0) {
            return entries;
        }
        ByteBuffer b = ByteBuffer.allocate((int) Math.min(size, 1 << 24)).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        ch.read(b, 0);
        b.flip();
        if (b.remaining() < HEADER || b.getInt(0) != MAGIC || b.getInt(4) != 1) {
            throw new DeviceException("corrupt simulated DDR arena table " + file
                    + " (not written by JYNQ); " + BoardReset.HINT);
        }
        int n = b.getInt(16);
        if (n < 0 || HEADER + (long) n * ENTRY > b.remaining()) {
            throw new DeviceException("corrupt simulated DDR arena table " + file + ": " + n + " entries in "
                    + b.remaining() + " bytes; " + BoardReset.HINT);
        }
        for (int i = 0; i < n; i++) {
            int at = HEADER + i * ENTRY;
            entries.add(new Entry(b.getLong(at), b.getLong(at + 8), b.getLong(at + 16)));
        }
        return entries;
    }

    private void write(FileChannel ch, List<Entry> entries) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(HEADER + entries.size() * ENTRY).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.putInt(MAGIC).putInt(1).putLong(ddrBytes).putInt(entries.size());
        for (Entry e : entries) {
            b.putLong(e.offset).putLong(e.size).putLong(e.pid);
        }
        b.flip();
        ch.truncate(0);
        ch.write(b, 0);
    }
}
