package io.jynq.device.embedded;

import io.jynq.device.DeviceException;
import io.jynq.device.MemoryStats;
import io.jynq.ffi.libc.MappedRegion;
import io.jynq.ffi.libc.NativeException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * One u-dma-buf buffer ({@code /dev/udmabufN}, ikwzm/u-dma-buf) claimed by this process and
 * divided into blocks by a {@link ContiguousAllocator}. Its sysfs directory
 * {@code /sys/class/u-dma-buf/udmabufN} gives {@code phys_addr} (hex) and {@code size} (bytes);
 * cache maintenance writes {@code sync_offset}, {@code sync_size}, {@code sync_direction}
 * (1 = to device, 2 = from device) and then {@code sync_for_device} or {@code sync_for_cpu}
 * (u-dma-buf README, "Device file").
 *
 * <p>The device is mapped twice on demand: without {@code O_SYNC} for cacheable blocks and with
 * it for uncached ones (u-dma-buf's default sync-mode 1 disables the CPU cache for O_SYNC opens).
 * A process claims a whole u-dma-buf device through a lock file in the state directory, since two
 * processes allocating from one buffer would hand out the same memory twice.
 */
final class UdmabufRegion implements AutoCloseable {
    private final String name;
    private final Path sysfs;
    private final Path device;
    private final SysfsIo io;
    private final long physicalBase;
    private final long size;
    private final boolean coherent;
    private final ContiguousAllocator allocator;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private MappedRegion cached;
    private MappedRegion uncached;

    private UdmabufRegion(String name, BoardPaths paths, SysfsIo io, FileChannel lockChannel, FileLock lock) {
        this.name = name;
        this.sysfs = paths.udmabufClass().resolve(name);
        this.device = paths.dev(name);
        this.io = io;
        this.lockChannel = lockChannel;
        this.lock = lock;
        try {
            this.physicalBase = parseNumber(io.readText(sysfs.resolve("phys_addr")), "phys_addr");
            this.size = parseNumber(io.readText(sysfs.resolve("size")), "size");
        } catch (NativeException e) {
            throw NativeSysfs.failed("cannot read u-dma-buf " + name + " attributes", e);
        }
        Path coherentFile = sysfs.resolve("dma_coherent");
        this.coherent = Files.exists(coherentFile) && io.readText(coherentFile).equals("1");
        this.allocator = new ContiguousAllocator(physicalBase, size);
    }

    /**
     * Claims the first u-dma-buf device no other process holds.
     *
     * @throws DeviceException if there is none, or all are claimed
     */
    /** The character device, {@code /dev/udmabufN} under the board root. */
    Path devicePath() {
        return device;
    }

    static UdmabufRegion claim(BoardPaths paths, SysfsIo io) {
        Path cls = paths.udmabufClass();
        List<String> names = new ArrayList<>();
        if (Files.isDirectory(cls)) {
            try (Stream<Path> s = Files.list(cls)) {
                s.map(p -> p.getFileName().toString()).sorted().forEach(names::add);
            } catch (IOException e) {
                throw new DeviceException("cannot list " + cls + ": " + e, e);
            }
        }
        if (names.isEmpty()) {
            throw new DeviceException("no u-dma-buf device: " + cls + " is missing or empty, so there is no contiguous"
                    + " memory for buffers; load the driver, e.g. sudo modprobe u-dma-buf udmabuf0=0x4000000 (see docs/board.md)");
        }
        for (String n : names) {
            FileChannel ch = null;
            try {
                Files.createDirectories(paths.stateDirectory());
                ch = FileChannel.open(paths.stateDirectory().resolve(n + ".lock"), StandardOpenOption.CREATE,
                        StandardOpenOption.WRITE);
                FileLock l;
                try {
                    l = ch.tryLock();
                } catch (OverlappingFileLockException held) {
                    l = null; // another EmbeddedDevice of this JVM holds it
                }
                if (l != null) {
                    return new UdmabufRegion(n, paths, io, ch, l);
                }
                ch.close();
            } catch (IOException e) {
                closeQuietly(ch);
                throw new DeviceException("cannot claim u-dma-buf " + n + " through " + paths.stateDirectory() + ": " + e, e);
            } catch (RuntimeException e) {
                closeQuietly(ch);
                throw e;
            }
        }
        throw new DeviceException("every u-dma-buf device (" + String.join(", ", names)
                + ") is in use by another JYNQ process; close that kernel or load u-dma-buf with more buffers");
    }

    private static void closeQuietly(FileChannel ch) {
        if (ch != null) {
            try {
                ch.close();
            } catch (IOException ignored) {
                // releasing a lock we failed to use; nothing else to do
            }
        }
    }

    private long parseNumber(String text, String attribute) {
        try {
            return text.startsWith("0x") || text.startsWith("0X") ? Long.parseUnsignedLong(text.substring(2), 16)
                    : Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new DeviceException("u-dma-buf " + name + ": " + attribute + " reads '" + text + "', not a number");
        }
    }

    String name() {
        return name;
    }

    long physicalBase() {
        return physicalBase;
    }

    synchronized UdmabufMemory allocate(long byteSize, long alignment, boolean cacheable) {
        MappedRegion mapping = mapping(cacheable);
        long offset = allocator.allocate(byteSize, alignment);
        return new UdmabufMemory(this, mapping, offset, byteSize, cacheable);
    }

    private MappedRegion mapping(boolean cacheable) {
        MappedRegion m = cacheable ? cached : uncached;
        if (m == null) {
            try {
                m = MappedRegion.map(device, 0, size, !cacheable);
            } catch (NativeException e) {
                throw NativeSysfs.failed("cannot map u-dma-buf " + device, e);
            }
            if (cacheable) {
                cached = m;
            } else {
                uncached = m;
            }
        }
        return m;
    }

    synchronized void free(long offset) {
        allocator.free(offset);
    }

    synchronized MemoryStats stats() {
        return allocator.stats();
    }

    /**
     * Cache maintenance of {@code [offset, offset + length)} of the region: clean for the device
     * ({@code toDevice}) or invalidate for the CPU. Skipped when the buffer is DMA-coherent.
     */
    synchronized void sync(long offset, long length, boolean toDevice) {
        if (coherent || length == 0) {
            return;
        }
        try {
            io.writeText(sysfs.resolve("sync_offset"), Long.toString(offset));
            io.writeText(sysfs.resolve("sync_size"), Long.toString(length));
            io.writeText(sysfs.resolve("sync_direction"), toDevice ? "1" : "2");
            io.writeText(sysfs.resolve(toDevice ? "sync_for_device" : "sync_for_cpu"), "1");
        } catch (NativeException e) {
            throw NativeSysfs.failed((toDevice ? "flush" : "invalidate") + " of u-dma-buf " + name + " failed", e);
        }
    }

    @Override
    public synchronized void close() {
        if (cached != null) {
            cached.close();
        }
        if (uncached != null) {
            uncached.close();
        }
        try {
            lock.release();
        } catch (IOException ignored) {
            // closing the channel below releases it as well
        }
        closeQuietly(lockChannel);
    }
}
