package io.jynq.device.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jynq.buffer.Buffers;
import io.jynq.buffer.ContiguousBuffer;
import io.jynq.buffer.DType;
import io.jynq.device.DeviceMemory;
import io.jynq.drivers.dma.AxiDma;
import io.jynq.drivers.dma.DmaTimeoutException;
import io.jynq.drivers.hls.HlsIp;
import io.jynq.ip.AxiDmaLayout;
import io.jynq.metadata.BusConnection;
import io.jynq.metadata.HwhParser;
import io.jynq.metadata.OverlayMetadata;
import io.jynq.mmio.Mmio;
import io.jynq.overlay.Overlay;
import io.jynq.testing.DspLoopback;
import io.jynq.testing.SimBoards;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14, stream back-pressure as small as a board's: an MM2S into a path whose S2MM is not
 * armed completes only while the path's FIFOs (read from the {@code .hwh}) hold its data; a
 * larger one stays busy until the receive channel is armed, as on a board, and PYNQ's
 * send-then-receive order for a few words keeps working.
 */
class StreamBackpressureTest {
    private static final Duration SHORT = Duration.ofMillis(300);
    private static final Duration LONG = Duration.ofSeconds(30);
    @TempDir
    Path dir;

    private static int[] ramp(int n) {
        return IntStream.range(0, n).map(i -> i * 7 - 1000).toArray();
    }

    private static Overlay passThrough(Path dir) {
        Overlay ol = SimBoards.dspLoopback(dir);
        ol.ip("fir_0", HlsIp.class).registers().write("coef_0", 1);  // y[n] = x[n]
        return ol;
    }

    @Test
    void sixteenKibIntoAnUnarmedS2mmStallsWithTheDecodedDmasrAndAHintThenFlowsOnceArmed() {
        Overlay ol = passThrough(dir);
        AxiDma dma = ol.ip("axi_dma_0", AxiDma.class);
        int words = 4096;  // 16 KiB: the case
        ContiguousBuffer in = Buffers.allocate(ol.device(), new long[] {words}, DType.INT32, false);
        ContiguousBuffer out = Buffers.allocate(ol.device(), new long[] {words}, DType.INT32, false);
        in.copyFrom(ramp(words));
        dma.sendChannel().transfer(in);
        DmaTimeoutException e = assertThrows(DmaTimeoutException.class, () -> dma.sendChannel().await(SHORT));
        assertTrue(e.getMessage().contains("MM2S") && e.getMessage().contains("DMASR=0x")
                && e.getMessage().contains("receive channel"), e.getMessage());
        assertEquals(0, e.dmasr() & AxiDmaLayout.DMASR_IDLE, "the MM2S is still busy: " + e.getMessage());
        // arming the receive channel drains the path and the stalled send finishes
        dma.recvChannel().transfer(out);
        dma.recvChannel().await(LONG);
        dma.sendChannel().await(LONG);
        int[] got = new int[words];
        out.copyTo(got);
        assertArrayEquals(ramp(words), got);
    }

    @Test
    void pynqsSendWaitThenReceiveOrderWorksForAFewWords() {
        Overlay ol = passThrough(dir);
        AxiDma dma = ol.ip("axi_dma_0", AxiDma.class);
        int words = 16;  // what PYNQ's DMA examples move; fits the DMA's and the FIR's FIFOs
        ContiguousBuffer in = Buffers.allocate(ol.device(), new long[] {words}, DType.INT32, false);
        ContiguousBuffer out = Buffers.allocate(ol.device(), new long[] {words}, DType.INT32, false);
        in.copyFrom(ramp(words));
        dma.sendChannel().transfer(in);
        dma.sendChannel().await(LONG);
        dma.recvChannel().transfer(out);
        dma.recvChannel().await(LONG);
        int[] got = new int[words];
        out.copyTo(got);
        assertArrayEquals(ramp(words), got);
    }

    @Test
    void theFifoBytesComeFromTheHwhsBurstSizesAndStreamWidths() throws Exception {
        OverlayMetadata md = DspLoopback.metadata();
        BusConnection toFir = link(md, "M_AXIS_MM2S");
        BusConnection toDma = link(md, "S_AXIS_S2MM");
        // PG021 burst 16 x 32-bit on the DMA's side, two 4-byte beats for the HLS core's input
        assertEquals(16 * 4 + 2 * 4, StreamBuffering.bytes(md, toFir));
        assertEquals(16 * 4, StreamBuffering.bytes(md, toDma));

        // the same design built with 256-beat MM2S bursts holds 1 KiB more before the MM2S stalls
        String text = Files.readString(DspLoopback.hwh(), StandardCharsets.UTF_8);
        String bigger = text.replaceAll("(?i)(NAME=\"c_mm2s_burst_size\" VALUE=)\"16\"", "$1\"256\"");
        OverlayMetadata big = HwhParser.parse(bigger.getBytes(StandardCharsets.UTF_8), "dsp_loopback_burst256.hwh");
        assertEquals(256 * 4 + 2 * 4, StreamBuffering.bytes(big, link(big, "M_AXIS_MM2S")));

        int bytes = 1024;  // more than the small design's path holds, less than the big one's
        assertTrue(!sendCompletesUnarmed(DspLoopback.metadata(), bytes, dir.resolve("small")),
                "a 1 KiB MM2S stalls with 16-beat bursts");
        assertTrue(sendCompletesUnarmed(big, bytes, dir.resolve("big")), "and completes with 256-beat bursts");
    }

    private static BusConnection link(OverlayMetadata md, String intf) {
        return md.streamConnections().stream()
                .filter(c -> c.masterInterface().equals(intf) || c.slaveInterface().equals(intf))
                .findFirst().orElseThrow();
    }

    /** Raw registers, as a C program would: MM2S of {@code bytes} with S2MM never armed. */
    private static boolean sendCompletesUnarmed(OverlayMetadata md, int bytes, Path stateDir) {
        try (SimDevice board = SimDevice.open(SimConfig.at(stateDir))) {
            board.download(DspLoopback.bit(), md, false);
            Mmio dma = new Mmio(board, DspLoopback.DMA, 0x10000, "axi_dma_0");
            try (DeviceMemory src = board.allocate(bytes, 64, false)) {
                dma.write32(AxiDmaLayout.S2MM_DMACR, AxiDmaLayout.DMACR_RS);  // running, no LENGTH: not armed
                dma.write32(AxiDmaLayout.MM2S_DMACR, AxiDmaLayout.DMACR_RS);
                dma.write32(AxiDmaLayout.MM2S_SA, (int) src.physicalAddress());
                dma.write32(AxiDmaLayout.MM2S_LENGTH, bytes);
                return (dma.read32(AxiDmaLayout.MM2S_DMASR) & AxiDmaLayout.DMASR_IDLE) != 0;
            }
        }
    }
}
