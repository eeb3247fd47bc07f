package io.jynq.device.embedded;

import io.jynq.ffi.libc.NativeException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The real {@link NativeSysfs} on the fake tree, recording every write, mkdir and rmdir in order
 * (paths relative to the root) and playing the kernel: FPGA Manager turns {@code operating} after
 * a firmware write (unless told not to), configfs creates an overlay's attributes on mkdir and
 * reports {@code applied} after a dtbo write (unless told not to). Failures are injected per path.
 */
final class RecordingSysfs implements SysfsIo {
    private final Path root;
    private final NativeSysfs real = new NativeSysfs();
    final List<String> log = new ArrayList<>();
    final Map<String, Integer> failWrites = new HashMap<>();
    boolean fpgaReachesOperating = true;
    boolean overlaysApply = true;

    RecordingSysfs(Path root) {
        this.root = root;
    }

    private String rel(Path p) {
        return root.relativize(p).toString();
    }

    @Override
    public byte[] read(Path file, int maxBytes) {
        return real.read(file, maxBytes);
    }

    @Override
    public void write(Path file, byte[] data) {
        String r = rel(file);
        boolean text = data.length < 64 && new String(data, StandardCharsets.US_ASCII).chars().allMatch(c -> c >= 32 && c < 127);
        log.add("write " + r + " " + (text ? new String(data, StandardCharsets.US_ASCII) : "<" + data.length + " bytes>"));
        Integer errno = failWrites.get(r);
        if (errno != null) {
            throw new NativeException("write(3, buf, " + data.length + ")", errno);
        }
        real.write(file, data);
        try {
            if (r.equals("sys/class/fpga_manager/fpga0/firmware") && fpgaReachesOperating) {
                Files.writeString(file.resolveSibling("state"), "operating\n");
            }
            if (r.equals("sys/class/gpio/export")) { // the kernel makes the line's directory
                Path line = file.resolveSibling("gpio" + new String(data, StandardCharsets.US_ASCII).strip());
                Files.createDirectories(line);
                Files.writeString(line.resolve("direction"), "in\n");
                Files.writeString(line.resolve("value"), "0\n");
            }
            if (r.startsWith("sys/kernel/config/device-tree/overlays/") && r.endsWith("/dtbo")) {
                Files.writeString(file.resolveSibling("status"), overlaysApply ? "applied\n" : "unapplied\n");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void mkdir(Path dir) {
        log.add("mkdir " + rel(dir));
        real.mkdir(dir);
        try {
            if (rel(dir).startsWith("sys/kernel/config/device-tree/overlays/")) {
                Files.write(dir.resolve("dtbo"), new byte[0]);
                Files.writeString(dir.resolve("status"), "unapplied\n");
                Files.writeString(dir.resolve("path"), "\n");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void rmdir(Path dir) {
        log.add("rmdir " + rel(dir));
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(f); // configfs removes an item's attributes with it
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        real.rmdir(dir);
    }
}
