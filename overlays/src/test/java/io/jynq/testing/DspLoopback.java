package io.jynq.testing;

import io.jynq.device.sim.SimConfig;
import io.jynq.device.sim.SimDevice;
import io.jynq.metadata.HwhParser;
import io.jynq.metadata.OverlayMetadata;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The bundled {@code dsp_loopback} overlay on a fresh simulated board: the fixture for tests of
 * the simulator and of drivers running on it (in the overlays test-jar).
 * <pre>{@code
 * try (SimDevice board = DspLoopback.board(tempDir)) {
 *     RegisterSpace dma = board.map(DspLoopback.DMA, 0x10000);
 * }
 * }</pre>
 */
public final class DspLoopback {
    /** Base addresses of the design (see its README). */
    public static final long BRAM = 0x4000_0000L;
    public static final long DMA = 0x4040_0000L;
    public static final long GPIO = 0x4120_0000L;
    public static final long INTC = 0x4180_0000L;
    public static final long FIR = 0x43C0_0000L;
    public static final long ADD = 0x43C1_0000L;
    /** The AXI INTC's output: IRQ_F2P[0]. */
    public static final int RAW_IRQ = 61;

    private DspLoopback() {}

    /** The bundled {@code .hwh}, from the classpath. */
    public static Path hwh() {
        return resource("dsp_loopback.hwh");
    }

    /** The bundled {@code .bit}, from the classpath. */
    public static Path bit() {
        return resource("dsp_loopback.bit");
    }

    /** The parsed {@code .hwh}. */
    public static OverlayMetadata metadata() {
        return HwhParser.parse(hwh());
    }

    /** A simulated board with its state in {@code stateDir}, dsp_loopback downloaded. */
    public static SimDevice board(Path stateDir) {
        SimDevice d = SimDevice.open(SimConfig.at(stateDir));
        d.download(bit(), metadata(), false);
        return d;
    }

    private static Path resource(String name) {
        URL url = DspLoopback.class.getResource("/io/jynq/overlays/dsp_loopback/" + name);
        if (url == null) {
            throw new IllegalStateException("dsp_loopback/" + name + " is not on the classpath");
        }
        try {
            if ("file".equals(url.getProtocol())) {
                return Path.of(url.toURI());
            }
            // inside a jar (failsafe, or another module using the test-jar): copy it out once
            Path dir = Path.of(System.getProperty("java.io.tmpdir"), "jynq-dsp_loopback-" + ProcessHandle.current().pid());
            Path file = dir.resolve(name);
            if (!Files.exists(file)) {
                Files.createDirectories(dir);
                try (InputStream in = url.openStream()) {
                    Path tmp = Files.createTempFile(dir, name, ".tmp");
                    Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
                    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                }
                dir.toFile().deleteOnExit();   // runs last: deleteOnExit goes in reverse order
                file.toFile().deleteOnExit();
            }
            return file;
        } catch (URISyntaxException | IOException e) {
            throw new IllegalStateException("cannot read dsp_loopback/" + name + " from " + url, e);
        }
    }
}
