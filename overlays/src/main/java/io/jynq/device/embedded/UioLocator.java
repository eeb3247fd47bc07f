package io.jynq.device.embedded;

import io.jynq.device.DeviceException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Finds the UIO device serving a raw IRQ number, as PYNQ does: the line of
 * {@code /proc/interrupts} whose third-from-last column is the number gives the device name (last
 * column), and the {@code /sys/class/uio/uioN} whose {@code name} matches gives {@code /dev/uioN}.
 */
final class UioLocator {
    private final BoardPaths paths;
    private final SysfsIo io;

    UioLocator(BoardPaths paths, SysfsIo io) {
        this.paths = paths;
        this.io = io;
    }

    /**
     * {@code /dev/uioN} for {@code rawIrq}.
     *
     * @throws DeviceException if no UIO device serves it; the message says which step found nothing
     */
    Path deviceFor(int rawIrq) {
        String name = nameInProcInterrupts(rawIrq);
        return deviceNamed(name, rawIrq);
    }

    private String nameInProcInterrupts(int rawIrq) {
        Path proc = paths.procInterrupts();
        List<String> lines;
        try {
            lines = Files.readAllLines(proc);
        } catch (IOException e) {
            throw new DeviceException("cannot read " + proc + " to find raw IRQ " + rawIrq + ": " + e, e);
        }
        String found = null;
        for (String line : lines) {
            String[] cols = line.trim().split("\\s+");
            if (cols.length >= 7 && cols[cols.length - 3].equals(Integer.toString(rawIrq))) {
                found = cols[cols.length - 1];
            }
        }
        if (found == null) {
            throw new DeviceException("raw IRQ " + rawIrq + " is not registered in " + proc
                    + ": the device tree (overlay) must give it a generic-uio node for JYNQ to wait on it");
        }
        return found;
    }

    /** {@code /dev/uioN} whose sysfs {@code name} is {@code name}. */
    Path deviceNamed(String name, int rawIrq) {
        Path cls = paths.uioClass();
        List<String> seen = new ArrayList<>();
        if (Files.isDirectory(cls)) {
            try (Stream<Path> s = Files.list(cls)) {
                for (Path dir : s.sorted().toList()) {
                    String n = io.readText(dir.resolve("name"));
                    seen.add(dir.getFileName() + "=" + n);
                    if (n.equals(name)) {
                        return paths.dev(dir.getFileName().toString());
                    }
                }
            } catch (IOException e) {
                throw new DeviceException("cannot list " + cls + ": " + e, e);
            }
        }
        throw new DeviceException("raw IRQ " + rawIrq + " belongs to '" + name + "' but no UIO device has that name in "
                + cls + " (found: " + seen + "); is uio_pdrv_genirq bound to it (of_id=generic-uio)?");
    }
}
