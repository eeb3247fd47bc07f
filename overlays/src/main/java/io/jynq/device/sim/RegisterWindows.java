package io.jynq.device.sim;

import io.jynq.device.DeviceException;
import io.jynq.metadata.IpDescription;
import io.jynq.metadata.OverlayMetadata;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The register and BRAM state of one download, in a sparse file {@code pl-<id>.regs} of the state
 * directory that every process sharing the board maps. Each IP of the ip_dict gets a window (its
 * range, at most {@link #MAX_WINDOW}) plus 4 KiB of model scratch, laid out in address order after a
 * 4 KiB header ({@link LiveDesign}), so
 * every process computes the same layout from the same {@code .hwh}. A download writes a new file
 * rather than truncating the old one, which another process may still have mapped.
 */
final class RegisterWindows {
    /** Largest window backed per IP: 16 MiB. */
    static final long MAX_WINDOW = 16L << 20;
    static final int SCRATCH = 4096;

    record Window(ByteBuffer registers, ByteBuffer scratch) {}

    private final Path file;
    private final Map<String, Window> windows = new LinkedHashMap<>();
    private ByteBuffer header;

    private RegisterWindows(Path file) {
        this.file = file;
    }

    /** The IPs that get a window: every ip_dict entry with an address range, in address order. */
    static List<IpDescription> backedIps(OverlayMetadata md) {
        List<IpDescription> ips = new ArrayList<>();
        for (IpDescription ip : md.ipDict().values()) {
            if (!ip.processingSystem() && ip.addrRange() > 0) {
                ips.add(ip);
            }
        }
        ips.sort((a, b) -> a.physAddr() != b.physAddr() ? Long.compare(a.physAddr(), b.physAddr()) : a.name().compareTo(b.name()));
        return ips;
    }

    /** Bytes of the register file of {@code md}: the header, then each window and its scratch. */
    static long size(OverlayMetadata md) {
        long total = LiveDesign.HEADER;
        for (IpDescription ip : backedIps(md)) {
            total += windowSize(ip) + SCRATCH;
        }
        return total;
    }

    private static long windowSize(IpDescription ip) {
        return (Math.min(ip.addrRange(), MAX_WINDOW) + 4095) & ~4095L;
    }

    /**
     * Maps the windows of {@code md} in {@code file}: creating the file with its blocks reserved
     * through {@code create}, or (null) opening the one a download made.
     *
     * @throws DeviceException if {@code create} is null and the file is missing or too small
     * @throws io.jynq.device.OutOfDeviceMemoryException if the disk has no room for a new file
     */
    static RegisterWindows open(Path file, OverlayMetadata md, DiskSpace create) {
        RegisterWindows w = new RegisterWindows(file);
        long total = LiveDesign.HEADER;
        List<long[]> layout = new ArrayList<>();
        for (IpDescription ip : backedIps(md)) {
            long size = windowSize(ip);
            layout.add(new long[] {total, size});
            total += size + SCRATCH;
        }
        try {
            if (create == null && (!Files.exists(file) || Files.size(file) < total)) {
                throw new DeviceException("the simulated PL's register file " + file
                        + " is missing or short; download the overlay again, or " + BoardReset.HINT);
            }
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE)) {
                if (create != null && ch.size() < total) {
                    create.reserve(file, 0, total, "the register file of " + md.source());
                    if (ch.size() < total) {
                        ch.write(ByteBuffer.allocate(1), total - 1);  // sparse where the disk cannot reserve
                    }
                }
                w.header = ch.map(FileChannel.MapMode.READ_WRITE, 0, LiveDesign.HEADER);
                int i = 0;
                for (IpDescription ip : backedIps(md)) {
                    long[] l = layout.get(i++);
                    ByteBuffer regs = ch.map(FileChannel.MapMode.READ_WRITE, l[0], l[1]).order(ByteOrder.LITTLE_ENDIAN);
                    ByteBuffer scratch = ch.map(FileChannel.MapMode.READ_WRITE, l[0] + l[1], SCRATCH).order(ByteOrder.LITTLE_ENDIAN);
                    w.windows.put(ip.name(), new Window(regs, scratch));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot map the simulated PL's register file " + file, e);
        }
        return w;
    }

    /** The header page: the retired flag of {@link LiveDesign}. */
    ByteBuffer header() {
        return header;
    }

    Window window(String ipName) {
        return windows.get(ipName);
    }

    Path file() {
        return file;
    }
}
