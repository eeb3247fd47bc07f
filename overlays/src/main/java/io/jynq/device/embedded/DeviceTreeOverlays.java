package io.jynq.device.embedded;

import io.jynq.device.DeviceException;
import io.jynq.ffi.libc.NativeException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Device-tree overlays through configfs, as PYNQ's {@code DeviceTreeSegment}: inserting makes the
 * directory {@code /sys/kernel/config/device-tree/overlays/<name>}, writes the {@code .dtbo} to its
 * {@code dtbo} attribute, reads it back (the only way the kernel reports a rejected overlay) and
 * requires {@code status} to read {@code applied}; removing is {@code rmdir}.
 */
final class DeviceTreeOverlays {
    private final BoardPaths paths;
    private final SysfsIo io;

    DeviceTreeOverlays(BoardPaths paths, SysfsIo io) {
        this.paths = paths;
        this.io = io;
    }

    /** The configfs directory of overlay {@code name}. */
    Path directory(String name) {
        return paths.deviceTreeOverlays().resolve(name);
    }

    /** Whether overlay {@code name} is inserted and applied. */
    boolean isApplied(String name) {
        Path status = directory(name).resolve("status");
        return Files.exists(status) && io.readText(status).equals("applied");
    }

    /**
     * Inserts {@code dtbo} as overlay {@code name}, replacing one of that name. On failure the
     * directory is removed again.
     *
     * @throws DeviceException if configfs is missing or the kernel does not apply it
     */
    void insert(String name, byte[] dtbo) {
        Path root = paths.deviceTreeOverlays();
        if (!Files.isDirectory(root)) {
            throw new DeviceException("no device-tree overlay support at " + root
                    + " (mount configfs and use a kernel with CONFIG_OF_OVERLAY)");
        }
        Path dir = directory(name);
        if (Files.exists(dir)) {
            io.rmdir(dir);
        }
        io.mkdir(dir);
        try {
            io.write(dir.resolve("dtbo"), dtbo);
            byte[] back = io.read(dir.resolve("dtbo"), Math.max(dtbo.length + 1, 1 << 20));
            if (!Arrays.equals(back, dtbo)) {
                throw new DeviceException("device tree overlay " + name + " cannot be applied: the kernel kept "
                        + back.length + " of " + dtbo.length + " bytes of the .dtbo");
            }
            String status = io.readText(dir.resolve("status"));
            if (!status.equals("applied")) {
                throw new DeviceException("device tree overlay " + name + " cannot be applied: status is '" + status
                        + "' (see dmesg for the kernel's reason)");
            }
        } catch (NativeException | DeviceException e) {
            try {
                io.rmdir(dir);
            } catch (DeviceException cleanup) {
                e.addSuppressed(cleanup);
            }
            if (e instanceof NativeException ne) {
                throw NativeSysfs.failed("device tree overlay " + name + " cannot be applied", ne);
            }
            throw e;
        }
    }

    /** Removes overlay {@code name}; harmless if it is not inserted. */
    void remove(String name) {
        Path dir = directory(name);
        if (Files.exists(dir)) {
            io.rmdir(dir);
        }
    }
}
