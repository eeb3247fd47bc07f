package io.jynq.bench.sim;

import io.jynq.device.sim.Sim;
import io.jynq.device.sim.SimConfig;
import io.jynq.device.sim.SimDevice;
import io.jynq.device.sim.model.IpContext;
import io.jynq.device.sim.model.IpModel;
import io.jynq.device.sim.model.StreamChunk;
import io.jynq.device.sim.model.StreamIn;
import io.jynq.device.sim.model.StreamOut;
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
 * {@code add_0} becomes a plain register file (an unknown VLNV) and {@code fir_0} a stream
 * pass-through ("no filter"), so MM2S feeds S2MM directly.
 */
final class BenchBoard implements AutoCloseable {
    static final String PLAIN = "user.org:bench:plain_regs:1.0";
    static final String PASS = "user.org:bench:passthrough:1.0";

    final Path dir;
    final SimDevice device;
    final Overlay overlay;

    BenchBoard(int ddrMiB) {
        try {
            dir = Files.createTempDirectory("jynq-bench");
            String hwh = resource("dsp_loopback.hwh").replace("xilinx.com:hls:add:1.0", PLAIN)
                    .replace("xilinx.com:hls:fir:1.0", PASS);
            Files.writeString(dir.resolve("bench_loopback.hwh"), hwh, StandardCharsets.UTF_8);
            try (InputStream in = BenchBoard.class.getClassLoader()
                    .getResourceAsStream("io/jynq/overlays/dsp_loopback/dsp_loopback.bit")) {
                Files.write(dir.resolve("bench_loopback.bit"), in.readAllBytes());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Sim.register(PASS, PassThrough::new);
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

    /** Moves whatever arrives on {@code in_stream} to {@code out_stream} unchanged, TLAST included. */
    static final class PassThrough implements IpModel {
        private final StreamIn in;
        private final StreamOut out;

        PassThrough(IpContext ctx) {
            in = ctx.streamIn("in_stream");
            out = ctx.streamOut("out_stream");
        }

        @Override
        public int read(int byteOffset) {
            return 0;
        }

        @Override
        public void write(int byteOffset, int value, int byteStrobe) {
        }

        @Override
        public void streamArrived(String slaveInterface) {
            while (in.available() > 0 && out.isConnected()) {
                StreamChunk c = in.take((int) Math.min(in.available(), Integer.MAX_VALUE));
                out.send(c.data(), c.last());
            }
        }
    }
}
