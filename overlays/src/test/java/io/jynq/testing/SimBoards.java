package io.jynq.testing;

import io.jynq.device.sim.SimConfig;
import io.jynq.device.sim.SimDevice;
import io.jynq.overlay.LoadOptions;
import io.jynq.overlay.Overlay;
import java.nio.file.Path;

/**
 * Simulated boards for tests: each in its own state directory (a JUnit {@code @TempDir}), so
 * tests never share or leave board state in {@code ~/.jynq}. Bundled overlays are extracted
 * below the same directory.
 */
public final class SimBoards {
    private SimBoards() {}

    /** A fresh simulated board with {@code ddrMiB} of DDR in {@code dir}. */
    public static SimDevice open(Path dir, int ddrMiB) {
        System.setProperty("jynq.cache.dir", dir.resolve("cache").toString());
        return SimDevice.open(SimConfig.at(dir.resolve("board")).withDdrBytes((long) ddrMiB << 20));
    }

    /** A fresh board (64 MiB DDR) with the bundled {@code dsp_loopback} downloaded. */
    public static Overlay dspLoopback(Path dir) {
        SimDevice dev = open(dir, 64);
        return Overlay.load("dsp_loopback", LoadOptions.defaults().withDevice(dev));
    }
}
