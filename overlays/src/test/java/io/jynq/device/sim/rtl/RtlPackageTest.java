package io.jynq.device.sim.rtl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jynq.buffer.Buffers;
import io.jynq.buffer.ContiguousBuffer;
import io.jynq.buffer.DType;
import io.jynq.capi.CapiException;
import io.jynq.device.sim.SimDevice;
import io.jynq.drivers.dma.AxiDma;
import io.jynq.overlay.LoadOptions;
import io.jynq.overlay.Overlay;
import io.jynq.testing.SimBoards;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An overlay package whose {@code .core} names an RTL core for one IP: {@code Overlay.load} binds it. */
class RtlPackageTest {
    @TempDir
    Path dir;

    @BeforeAll
    static void verilator() {
        RtlTestCores.requireVerilator();
    }

    /** A package: the bundled dsp_loopback design, with fir_0 simulated by JYNQ's test scaler. */
    static Path scaledPackage(Path dir, String rtlLine) throws IOException {
        Path pkg = dir.resolve("scaled_loopback");
        Files.createDirectories(pkg.resolve("rtl/lib"));
        for (String f : new String[] {"dsp_loopback.bit", "dsp_loopback.hwh"}) {
            try (InputStream in = RtlPackageTest.class.getResourceAsStream("/io/jynq/overlays/dsp_loopback/" + f)) {
                Files.write(pkg.resolve(f.replace("dsp_loopback", "scaled_loopback")), in.readAllBytes());
            }
        }
        for (String f : new String[] {"rtl_scaler.v", "rtl_scaler.core", "scaler_defs.vh", "lib/scaler_defs.core"}) {
            Files.copy(RtlTestCores.core(f), pkg.resolve("rtl").resolve(f));
        }
        Files.writeString(pkg.resolve("scaled_loopback.core"), """
                CAPI=2:
                name: user.org:overlays:scaled_loopback:1.0
                filesets:
                  overlay:
                    files:
                      - scaled_loopback.bit: {file_type: bitstream}
                      - scaled_loopback.hwh: {file_type: hwh}
                  rtl:
                    files:
                      - %s
                targets:
                  default:
                    filesets: [overlay, rtl]
                """.formatted(rtlLine));
        return pkg;
    }

    @Test
    void overlayLoadBindsTheIpNamedByTheCoreAndStreamsThroughIt() throws Exception {
        Path pkg = scaledPackage(dir, "rtl/rtl_scaler.core: {file_type: rtlCore, logical_name: fir_0}");
        SimDevice dev = SimBoards.open(dir, 64);
        Overlay ol = Overlay.load(pkg.toString(), LoadOptions.defaults().withDevice(dev));
        assertInstanceOf(RtlModel.class, dev.model("fir_0", RtlModel.class));
        AxiDma dma = ol.ip("axi_dma_0", AxiDma.class);
        int[] x = IntStream.range(0, 256).toArray();
        try (ContiguousBuffer in = Buffers.allocate(dev, new long[] {256}, DType.INT32, false);
                ContiguousBuffer out = Buffers.allocate(dev, new long[] {256}, DType.INT32, false)) {
            in.copyFrom(x);
            dma.recvChannel().transfer(out);
            dma.sendChannel().transfer(in);
            dma.recvChannel().await(Duration.ofSeconds(5));
            int[] y = new int[256];
            out.copyTo(y);
            assertArrayEquals(IntStream.of(x).map(v -> v * 3 + 7).toArray(), y, "the core's defaults: GAIN 3, offset 7");
        }
        ol.download();  // a second download binds again (from the cache)
        assertInstanceOf(RtlModel.class, dev.model("fir_0", RtlModel.class));
    }

    @Test
    void anRtlCoreWithoutTheIpNameIsRefusedAtItsLine() throws Exception {
        Path pkg = scaledPackage(dir, "rtl/rtl_scaler.core: {file_type: rtlCore}");
        SimDevice dev = SimBoards.open(dir, 64);
        CapiException e = assertThrows(CapiException.class,
                () -> Overlay.load(pkg.toString(), LoadOptions.defaults().withDevice(dev)));
        assertTrue(e.getMessage().contains("scaled_loopback.core:10:") && e.getMessage().contains("needs logical_name"),
                e.getMessage());
    }
}
