package io.jynq.device.embedded;

import io.jynq.device.DeviceException;
import io.jynq.ffi.libc.MappedRegion;
import io.jynq.ffi.libc.NativeException;
import io.jynq.metadata.IpDescription;
import io.jynq.metadata.OverlayMetadata;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The DFX AXI shutdown managers of the loaded design (PG305), quiesced before the next full
 * download as PYNQ's {@code Device.shutdown} does, so that no AXI transaction is cut in half while
 * the PL is reprogrammed: write 1 (request shutdown) to register 0x0, then wait until it reads
 * 0x0F. Their addresses are kept in {@code <state dir>/shutdown_managers} ({@code name address}
 * per line), since the design that has them is the one loaded, maybe by another process.
 */
final class ShutdownManagers {
    static final String FILE = "shutdown_managers";
    private static final Set<String> TYPES = Set.of("xilinx.com:ip:pr_axi_shutdown_manager:1.0",
            "xilinx.com:ip:dfx_axi_shutdown_manager:1.0");
    private static final System.Logger LOG = System.getLogger(ShutdownManagers.class.getName());

    private final BoardPaths paths;
    private final Duration timeout;

    ShutdownManagers(BoardPaths paths, Duration timeout) {
        this.paths = paths;
        this.timeout = timeout;
    }

    /** Requests shutdown from every recorded manager; one that does not answer in time is logged, as PYNQ warns. */
    void shutdownRecorded() {
        Path file = paths.stateDirectory().resolve(FILE);
        if (!Files.exists(file)) {
            return;
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        for (String line : lines) {
            String[] parts = line.trim().split("\\s+");
            if (parts.length == 2) {
                shutdown(parts[0], Long.parseUnsignedLong(parts[1].substring(2), 16));
            }
        }
    }

    private void shutdown(String name, long address) {
        try (MappedRegion r = MappedRegion.map(paths.devMem(), address, 4, true)) {
            r.putInt(0, 1);
            long deadline = System.nanoTime() + timeout.toNanos();
            int status;
            while ((status = r.getInt(0)) != 0x0F) {
                if (System.nanoTime() - deadline >= 0) {
                    LOG.log(System.Logger.Level.WARNING, String.format(
                            "DFX shutdown manager %s at 0x%x did not shut down in %s: status 0x%x, expected 0x0f",
                            name, address, timeout, status));
                    return;
                }
                Thread.onSpinWait();
            }
        } catch (NativeException | IllegalArgumentException e) {
            throw new DeviceException(String.format("cannot reach DFX shutdown manager %s at 0x%x through %s: %s",
                    name, address, paths.devMem(), e.getMessage()), e);
        }
    }

    /** Records the shutdown managers of a design just downloaded in full (none: the file is removed). */
    void record(OverlayMetadata metadata) {
        List<String> lines = new ArrayList<>();
        if (metadata != null) {
            for (IpDescription ip : metadata.ipDict().values()) {
                if (ip.type() != null && TYPES.contains(ip.type())) {
                    lines.add(ip.name() + " 0x" + Long.toHexString(ip.physAddr()));
                }
            }
        }
        Path file = paths.stateDirectory().resolve(FILE);
        try {
            if (lines.isEmpty()) {
                Files.deleteIfExists(file);
            } else {
                Files.createDirectories(paths.stateDirectory());
                Files.write(file, lines, StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record the shutdown managers in " + file, e);
        }
    }
}
