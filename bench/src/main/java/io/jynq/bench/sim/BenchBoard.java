package io.jynq.bench.sim;

import io.jynq.device.sim.SimConfig;
import io.jynq.device.sim.SimDevice;
import io.jynq.overlay.LoadOptions;
import io.jynq.overlay.Overlay;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A simulated board in a temporary directory with a benchmark variant of {@code dsp_loopback}:
 * {@code add_0} becomes a plain register file (an unknown VLNV), and the DMA's MM2S stream is
 * wired straight to its S2MM ("no filter"), the FIR left unconnected.
 */
final class BenchBoard implements AutoCloseable {
    static final String PLAIN = "user.org:bench:plain_regs:1.0";

    final Path dir;
    final SimDevice device;
    final Overlay overlay;

    BenchBoard(int ddrMiB) {
        try {
            dir = Files.createTempDirectory("jynq-bench");
            // No filter: the DMA's MM2S stream goes straight to its S2MM, the FIR is left unconnected.
            String hwh = resource("dsp_loopback.hwh").replace("xilinx.com:hls:add:1.0", PLAIN)
                    .replace("BUSNAME=\"axi_dma_0_M_AXIS_MM2S\" NAME=\"in_stream\"", "BUSNAME=\"bench_unused_in\" NAME=\"in_stream\"")
                    .replace("BUSNAME=\"fir_0_out_stream\" NAME=\"out_stream\"", "BUSNAME=\"bench_unused_out\" NAME=\"out_stream\"")
                    .replace("BUSNAME=\"fir_0_out_stream\" NAME=\"S_AXIS_S2MM\"", "BUSNAME=\"axi_dma_0_M_AXIS_MM2S\" NAME=\"S_AXIS_S2MM\"");
            Files.writeString(dir.resolve("bench_loopback.hwh"), hwh, StandardCharsets.UTF_8);
            try (InputStream in = BenchBoard.class.getClassLoader()
                    .getResourceAsStream("io/jynq/overlays/dsp_loopback/dsp_loopback.bit")) {
                Files.write(dir.resolve("bench_loopback.bit"), in.readAllBytes());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        device = SimDevice.open(SimConfig.at(dir.resolve("board")).withDdrBytes((long) ddrMiB << 20));
        overlay = Overlay.load(dir.resolve("bench_loopback.bit").toString(), LoadOptions.defaults().withDevice(device));
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = BenchBoard.class.getClassLoader()
                .getResourceAsStream("io/jynq/overlays/dsp_loopback/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
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
