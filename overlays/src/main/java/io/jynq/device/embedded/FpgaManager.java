package io.jynq.device.embedded;

import io.jynq.device.DeviceException;
import io.jynq.ffi.libc.NativeException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.concurrent.CancellationException;

/**
 * Programs the PL through Linux FPGA Manager as PYNQ does: the {@code .bin} image is written to
 * {@code /lib/firmware/<name>.bin}, then {@code 0} (full) or {@code 1} (partial) to
 * {@code /sys/class/fpga_manager/fpga0/flags}, then the file name to {@code .../firmware}, which
 * makes the kernel load it; finally {@code .../state} must read {@code operating}.
 */
final class FpgaManager {
    private static final Duration POLL = Duration.ofMillis(10);

    private final BoardPaths paths;
    private final SysfsIo io;
    private final Duration timeout;

    FpgaManager(BoardPaths paths, SysfsIo io, Duration timeout) {
        this.paths = paths;
        this.io = io;
        this.timeout = timeout;
    }

    /** Whether the kernel has FPGA Manager ({@code fpga0/firmware} exists). */
    boolean isPresent() {
        return Files.exists(paths.fpgaManager().resolve("firmware"));
    }

    /**
     * Loads {@code bin} into the PL.
     *
     * @param image the bitstream; written to /lib/firmware under {@link FirmwareImage#firmwareName()}
     * @throws DeviceException naming the step that failed (no FPGA Manager, firmware file, flags,
     *         firmware, state)
     */
    void program(FirmwareImage image, boolean partial) {
        String firmwareName = image.firmwareName();
        Path fpga = paths.fpgaManager();
        if (!isPresent()) {
            throw new DeviceException("no FPGA Manager at " + fpga + ": this kernel cannot program the PL (is this a"
                    + " Zynq or ZynqMP board image with CONFIG_FPGA_MGR? off the board, use JYNQ_DEVICE=sim)");
        }
        writeFirmware(firmwareName, image);
        try {
            io.writeText(fpga.resolve("flags"), partial ? "1" : "0");
        } catch (NativeException e) {
            throw NativeSysfs.failed("cannot set FPGA Manager flags", e);
        }
        try {
            io.writeText(fpga.resolve("firmware"), firmwareName);
        } catch (NativeException e) {
            throw NativeSysfs.failed("FPGA Manager could not load " + firmwareName + " from " + paths.firmwareDirectory(), e);
        }
        awaitOperating(firmwareName);
    }

    private void writeFirmware(String firmwareName, FirmwareImage image) {
        Path dir = paths.firmwareDirectory();
        Path target = dir.resolve(firmwareName);
        Path tmp = null;
        try {
            tmp = Files.createTempFile(dir, firmwareName, ".tmp");
            image.writeTo(tmp);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | UncheckedIOException | UnsupportedOperationException e) {
            throw new DeviceException("cannot write the bitstream to " + target + " (" + e
                    + "); FPGA Manager loads firmware only from there, and writing it needs root", e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // the rename consumed it, or a stale temp file stays in /lib/firmware: harmless
                }
            }
        }
    }

    private void awaitOperating(String firmwareName) {
        Path stateFile = paths.fpgaManager().resolve("state");
        long deadline = System.nanoTime() + timeout.toNanos();
        String state;
        while (true) {
            try {
                state = io.readText(stateFile);
            } catch (NativeException e) {
                throw NativeSysfs.failed("cannot read FPGA Manager state after loading " + firmwareName, e);
            }
            if (state.equals("operating")) {
                return;
            }
            if (System.nanoTime() - deadline >= 0) {
                break;
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancellationException("interrupted while FPGA Manager loaded " + firmwareName);
            }
        }
        throw new DeviceException("FPGA Manager did not reach state 'operating' within " + timeout + " after loading "
                + firmwareName + ": " + stateFile + " reads '" + state + "'");
    }
}
