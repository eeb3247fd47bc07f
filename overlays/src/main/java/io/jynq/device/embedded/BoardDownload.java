package io.jynq.device.embedded;

import io.jynq.device.DeviceException;
import io.jynq.device.PlState;
import io.jynq.device.PlStateStore;
import io.jynq.ffi.libc.MappedRegion;
import io.jynq.ffi.libc.NativeException;
import io.jynq.metadata.ClockInfo;
import io.jynq.metadata.OverlayMetadata;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;

/**
 * One download on a board, step by step in PYNQ's order. Everything that can be checked is
 * checked first (bitstream header, .dtbo readable, AXI port width parameters, clock divisors);
 * then, for a full bitstream: PL clocks from {@code clock_dict}, DFX shutdown managers of the
 * loaded design quiesced, its device-tree overlay removed; FPGA Manager programs the PL; ZynqMP
 * AXI port widths are set; the {@code .dtbo} beside the bitstream is applied; and only then is the
 * PL state written, so a failure at any step leaves the recorded state as it was.
 */
final class BoardDownload {
    /** The state file naming the device-tree overlay the last full download applied. */
    static final String OVERLAY_RECORD = "device_tree_overlay";

    private final BoardPaths paths;
    private final FpgaManager fpga;
    private final DeviceTreeOverlays overlays;
    private final ShutdownManagers shutdownManagers;
    private final PlStateStore store;
    private final Supplier<PlClocks> clocks;

    BoardDownload(BoardPaths paths, FpgaManager fpga, DeviceTreeOverlays overlays, ShutdownManagers shutdownManagers,
            PlStateStore store, Supplier<PlClocks> clocks) {
        this.paths = paths;
        this.fpga = fpga;
        this.overlays = overlays;
        this.shutdownManagers = shutdownManagers;
        this.store = store;
        this.clocks = clocks;
    }

    /**
     * @param beforeProgramming run before a full bitstream replaces the design (closes UIO lines)
     */
    void run(Path bitstream, OverlayMetadata metadata, boolean partial, Runnable beforeProgramming) {
        FirmwareImage image = FirmwareImage.of(bitstream);
        Path dtbo = sibling(bitstream, ".dtbo");
        byte[] dtboBytes = Files.isRegularFile(dtbo) ? readAll(dtbo) : null;
        String hash = metadataSha256(metadata);
        List<AxiPortWidths.Write> widths = partial ? List.of() : AxiPortWidths.plan(metadata);
        if (!partial) {
            programDesignClocks(metadata);
            shutdownManagers.shutdownRecorded();
            removeRecordedOverlay();
            beforeProgramming.run();
        }
        fpga.program(image, partial);
        setAxiPortWidths(widths);
        if (dtboBytes != null) {
            String name = stem(dtbo);
            overlays.insert(name, dtboBytes);
            if (!partial) {
                recordOverlay(name);
            }
        }
        if (!partial) {
            shutdownManagers.record(metadata);
        }
        store.write(new PlState(bitstream.toAbsolutePath().normalize().toString(), Instant.now(), hash, partial));
    }

    /**
     * Sets fclk0..3 to the design's divisors before a full download, as PYNQ's
     * {@code Overlay.download} does: an enabled clock gets its {@code clock_dict} divisors, a
     * disabled one 100 MHz. All divisors are checked before the first register is written.
     */
    private void programDesignClocks(OverlayMetadata metadata) {
        if (metadata == null || metadata.clockDict().isEmpty()) {
            return;
        }
        for (ClockInfo c : metadata.clockDict().values()) {
            boolean valid = c.index() >= 0 && c.index() < 4 && (!c.enabled()
                    || (c.divisor0() >= 1 && c.divisor0() <= 63 && c.divisor1() >= 1 && c.divisor1() <= 63));
            if (!valid) {
                throw new DeviceException(metadata.source() + ": PL clock " + c.index() + " has divisors "
                        + c.divisor0() + " and " + c.divisor1() + "; each must be 1..63");
            }
        }
        PlClocks pl = clocks.get();
        for (ClockInfo c : metadata.clockDict().values()) {
            if (c.enabled()) {
                pl.setDivisors(c.index(), c.divisor0(), c.divisor1());
                continue;
            }
            try {
                pl.setFclkMhz(c.index(), 100.0);
            } catch (IllegalArgumentException e) {
                throw new DeviceException("cannot set the unused PL clock " + c.index() + " to 100 MHz as PYNQ does: "
                        + e.getMessage(), e);
            }
        }
    }

    /** Read-modify-writes each planned field through a transient /dev/mem window. */
    private void setAxiPortWidths(List<AxiPortWidths.Write> writes) {
        for (AxiPortWidths.Write w : writes) {
            try (MappedRegion r = MappedRegion.map(paths.devMem(), w.address(), 4, true)) {
                int mask = ((1 << (w.msb() - w.lsb() + 1)) - 1) << w.lsb();
                r.putInt(0, (r.getInt(0) & ~mask) | (w.value() << w.lsb() & mask));
            } catch (NativeException | IllegalArgumentException e) {
                throw new DeviceException(String.format("cannot set the AXI port width at 0x%x through %s: %s",
                        w.address(), paths.devMem(), e.getMessage()), e);
            }
        }
    }

    private void removeRecordedOverlay() {
        Path record = paths.stateDirectory().resolve(OVERLAY_RECORD);
        try {
            if (Files.exists(record)) {
                overlays.remove(Files.readString(record, StandardCharsets.UTF_8).strip());
                Files.delete(record);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + record, e);
        }
    }

    private void recordOverlay(String name) {
        try {
            Files.createDirectories(paths.stateDirectory());
            Files.writeString(paths.stateDirectory().resolve(OVERLAY_RECORD), name, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record the device-tree overlay in " + paths.stateDirectory(), e);
        }
    }

    static Path sibling(Path file, String suffix) {
        return file.resolveSibling(stem(file) + suffix);
    }

    static String stem(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    static byte[] readAll(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** SHA-256 of the overlay's .hwh file when {@code metadata.source()} names a readable file, else "". */
    static String metadataSha256(OverlayMetadata metadata) {
        if (metadata == null) {
            return "";
        }
        Path hwh = Path.of(metadata.source());
        if (!Files.isRegularFile(hwh)) {
            return "";
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(hwh)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + hwh, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }
}
