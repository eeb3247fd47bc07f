package io.jynq.bench.rtl;

import io.jynq.device.sim.SimConfig;
import io.jynq.device.sim.SimDevice;
import io.jynq.overlay.LoadOptions;
import io.jynq.overlay.Overlay;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A simulated board in a temporary folder with the bundled dsp_loopback downloaded, and JYNQ's own
 * test IPs (the overlays test jar's {@code io/jynq/rtl}) copied out as files for Verilator. The
 * build cache is the user's ({@code JYNQ_CC_CACHE}), so a warm run measures what a user sees.
 */
final class RtlBenchBoard implements AutoCloseable {
    private static final String[] FILES = {"rtl_add.v", "rtl_add.core", "rtl_scaler.v", "rtl_scaler.core",
        "scaler_defs.vh", "lib/scaler_defs.core"};
    final Path dir;
    final SimDevice device;
    final Overlay overlay;

    RtlBenchBoard(int ddrMiB) {
        try {
            dir = Files.createTempDirectory("jynq-bench-rtl");
            Files.createDirectories(dir.resolve("rtl/lib"));
            for (String f : FILES) {
                try (InputStream in = RtlBenchBoard.class.getResourceAsStream("/io/jynq/rtl/" + f)) {
                    Files.write(dir.resolve("rtl").resolve(f), in.readAllBytes());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.setProperty("jynq.cache.dir", dir.resolve("cache").toString());
        device = SimDevice.open(SimConfig.at(dir.resolve("board")).withDdrBytes((long) ddrMiB << 20));
        overlay = Overlay.load("dsp_loopback", LoadOptions.defaults().withDevice(device));
    }

    Path core(String name) {
        return dir.resolve("rtl").resolve(name);
    }

    @Override
    public void close() {
        device.close();
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
