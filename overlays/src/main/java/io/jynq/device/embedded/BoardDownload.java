package io.jynq.device.embedded;

import io.jynq.device.DeviceException;
import io.jynq.device.PlState;
import io.jynq.device.PlStateStore;
import io.jynq.ffi.libc.MappedRegion;
import io.jynq.ffi.libc.NativeException;
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

/**
 * One download on a board, step by step in PYNQ's order. Everything that can be checked is
 * checked first (bitstream header, .dtbo readable, AXI port width parameters); then, for a full
 * bitstream (whose PL clocks {@code Overlay.download} has set, as PYNQ's does): DFX shutdown managers of the
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

    BoardDownload(BoardPaths paths, FpgaManager fpga, DeviceTreeOverlays overlays, ShutdownManagers shutdownManagers,
            PlStateStore store) {
        this.paths = paths;
        this.fpga = fpga;
        this.overlays = overlays;
        this.shutdownManagers = shutdownManagers;
        this.store = store;
    }

    /**
     * @param region null for a full bitstream; for a partial one the region it goes into
     *        ({@code ""} when none is named), recorded in the PL state for every process
     * @param beforeProgramming run before a full bitstream replaces the design (closes UIO lines)
     */
    void run(Path bitstream, OverlayMetadata metadata, String region, Runnable beforeProgramming) {
        boolean partial = region != null;
        FirmwareImage image = FirmwareImage.of(bitstream);
        Path dtbo = sibling(bitstream, ".dtbo");
        byte[] dtboBytes = Files.isRegularFile(dtbo) ? readAll(dtbo) : null;
        String hash = metadataSha256(metadata);
        List<AxiPortWidths.Write> widths = partial ? List.of() : AxiPortWidths.plan(metadata);
        if (!partial) {
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
        PlState old = store.read();
        String bit = bitstream.toAbsolutePath().normalize().toString();
        // a partial download keeps the PL's bitfile name and timestamp (PYNQ's post_download) and
        // joins the state's regions; a partial without a full design before it stands alone, as before
        store.write(partial && old.isProgrammed() ? old.withPartial(new PlState.PartialRegion(region, bit, hash))
                : new PlState(bit, Instant.now(), hash, partial));
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
