package io.jynq.drivers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jynq.buffer.Buffers;
import io.jynq.buffer.ContiguousBuffer;
import io.jynq.buffer.DType;
import io.jynq.device.sim.SimDevice;
import io.jynq.drivers.dma.AxiDma;
import io.jynq.drivers.dma.DmaChannel;
import io.jynq.drivers.dma.DmaTimeoutException;
import io.jynq.drivers.hls.HlsIp;
import io.jynq.overlay.LoadOptions;
import io.jynq.overlay.Overlay;
import io.jynq.testing.Designs;
import io.jynq.testing.SimBoards;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PYNQ's scatter-gather DMA ({@code _SGDMAChannel} in pynq/lib/dma.py) on dsp_loopback rebuilt with
 * C_INCLUDE_SG=1, the FIR set to pass samples through. The cells of PYNQ's DMA page
 * (docs/source/pynq_libraries/dma.rst) are ported one by one in the first test; the rest follow
 * the behaviour PYNQ's driver documents (cyclic mode, wait after stop, transferred).
 */
class DmaScatterGatherTest {
    private static final Duration SECOND = Duration.ofSeconds(5);
    @TempDir
    Path dir;
    private SimDevice dev;
    private AxiDma dma;

    @BeforeEach
    void load() {
        dev = SimBoards.open(dir, 64);
        String hwh = Designs.dspLoopbackHwh().replaceAll("(?i)(\"c_include_sg\" VALUE=)\"0\"", "$1\"1\"");
        Overlay ol = Overlay.of(io.jynq.testing.DspLoopback.bit(), Designs.parse(hwh, "dsp_loopback_sg.hwh"),
                LoadOptions.defaults().withDevice(dev));
        // ol = Overlay('example.bit'); dma = ol.axi_dma
        dma = ol.ip("axi_dma_0", AxiDma.class);
        ol.ip("fir_0", HlsIp.class).registers().write("coef_0", 1);
    }

    private final java.util.List<ContiguousBuffer> buffers = new java.util.ArrayList<>();

    private ContiguousBuffer u4(int n) {
        ContiguousBuffer b = Buffers.allocate(dev, new long[] {n}, DType.U4, false);
        buffers.add(b);
        return b;
    }

    @org.junit.jupiter.api.AfterEach
    void free() {
        buffers.forEach(b -> {
            if (!b.isClosed()) {
                b.close();
            }
        });
        dev.close();
    }

    @Test
    void pynqDmaPageCellsRunOnAScatterGatherDma() {
        // input_buffer = allocate(shape=(5,), dtype=np.uint32); output_buffer = allocate(shape=(5,), dtype=np.uint32)
        ContiguousBuffer input = u4(5);
        ContiguousBuffer output = u4(5);
        // for i in range(5): input_buffer[i] = i
        for (int i = 0; i < 5; i++) {
            input.setInt(i, i);
        }
        // dma.sendchannel.transfer(input_buffer); dma.recvchannel.transfer(output_buffer)
        dma.sendChannel().transfer(input);
        dma.recvChannel().transfer(output);
        // dma.sendchannel.wait(); dma.recvchannel.wait()
        dma.sendChannel().await();
        dma.recvChannel().await();
        // Output buffer will contain: [0 1 2 3 4]
        int[] out = new int[5];
        output.copyTo(out);
        assertArrayEquals(new int[] {0, 1, 2, 3, 4}, out);
        assertEquals(20, dma.recvChannel().transferred(), "summed from the descriptors' STATUS words");
        assertTrue(dma.sendChannel().halted() && dma.recvChannel().halted(), "PYNQ's wait() stops the channel");
    }

    @Test
    void aTransferLongerThanOneDescriptorIsSplitAndEveryByteArrives() {
        int n = 1 << 16;  // 256 KiB: several rounds of stream back-pressure through the FIR
        ContiguousBuffer in = u4(n);
        ContiguousBuffer out = u4(n);
        IntStream.range(0, n).forEach(i -> in.setInt(i, i * 3 + 1));
        dma.recvChannel().transfer(out);
        dma.sendChannel().transfer(in);
        dma.sendChannel().await(SECOND);
        dma.recvChannel().await(SECOND);
        assertEquals(4L * n, dma.recvChannel().transferred());
        assertEquals((n - 1) * 3 + 1, out.getInt(n - 1));
        // the same channels again, with an offset into the buffers (PYNQ's start/nbytes)
        dma.recvChannel().transfer(out, 64, 128);
        dma.sendChannel().transfer(in, 0, 128);
        dma.sendChannel().await(SECOND);
        dma.recvChannel().await(SECOND);
        assertEquals(1, out.getInt(16), "offset 64 bytes = element 16 got element 0");
    }

    @Test
    void cyclicModeRepeatsTheBufferUntilStoppedAndCannotBeAwaited() {
        ContiguousBuffer wave = u4(16);
        IntStream.range(0, 16).forEach(i -> wave.setInt(i, 100 + i));
        ContiguousBuffer out = u4(32);  // two 64-byte descriptors: one lap (one packet) each
        dma.recvChannel().transfer(out);
        dma.sendChannel().transfer(wave, true);
        dma.recvChannel().await(SECOND);
        int[] got = new int[32];
        out.copyTo(got);
        int[] want = IntStream.range(0, 32).map(i -> 100 + i % 16).toArray();
        assertArrayEquals(want, got, "two laps of the same buffer");
        DmaChannel send = dma.sendChannel();
        assertEquals("DmaChannel[MM2S of axi_dma_0, cyclic]", send.toString());
        IllegalStateException e = assertThrows(IllegalStateException.class, send::await);
        assertTrue(e.getMessage().contains("cyclic") && e.getMessage().contains("stop()"), e.getMessage());
        IllegalStateException busy = assertThrows(IllegalStateException.class, () -> send.transfer(wave));
        assertTrue(busy.getMessage().contains("stop() it"), busy.getMessage());
        assertFalse(send.halted(), "still running");
        send.stop();
        assertTrue(send.halted());
        send.transfer(wave);  // an ordinary transfer after stop()
        dma.recvChannel().transfer(out, 0, 64);
        send.await(SECOND);
        dma.recvChannel().await(SECOND);
        assertEquals(64, send.transferred());
    }

    @Test
    void cyclicIsRefusedOnS2mmAndOnASimpleDma() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> dma.recvChannel().transfer(u4(16), true));
        assertTrue(e.getMessage().contains("MM2S (the send channel) only"), e.getMessage());
        Overlay simple = SimBoards.dspLoopback(dir.resolve("simple"));
        DmaChannel ch = simple.ip("axi_dma_0", AxiDma.class).sendChannel();
        assertFalse(ch.scatterGather());
        ContiguousBuffer b = Buffers.allocate(simple.device(), new long[] {16}, DType.U4, false);
        UnsupportedOperationException u = assertThrows(UnsupportedOperationException.class, () -> ch.transfer(b, true));
        assertTrue(u.getMessage().contains("C_INCLUDE_SG=1"), u.getMessage());
    }

    @Test
    void anS2mmChainTheStreamDoesNotFillTimesOutSayingWhy() {
        ContiguousBuffer in = u4(16);
        ContiguousBuffer out = u4(64);  // 256 bytes in two descriptors, the packet is 64 bytes
        dma.recvChannel().transfer(out);
        dma.sendChannel().transfer(in);
        dma.sendChannel().await(SECOND);
        DmaTimeoutException e = assertThrows(DmaTimeoutException.class,
                () -> dma.recvChannel().await(Duration.ofMillis(200)));
        assertTrue(e.getMessage().contains("1 of 2 descriptors done") && e.getMessage().contains("S2MM fills every descriptor"),
                e.getMessage());
        dma.reset();
        assertTrue(dma.recvChannel().halted(), "a scatter-gather channel stays halted after reset()");
        ContiguousBuffer small = u4(16);
        dma.recvChannel().transfer(small);
        dma.sendChannel().transfer(in);
        dma.recvChannel().await(SECOND);
        assertEquals(64, dma.recvChannel().transferred());
    }

    @Test
    void theDescriptorsHoldNoDeviceMemoryAfterAwait() {
        long free = dev.memoryStats().freeBytes();
        ContiguousBuffer in = u4(16);
        ContiguousBuffer out = u4(16);
        for (int round = 0; round < 50; round++) {
            dma.recvChannel().transfer(out);
            dma.sendChannel().transfer(in);
            dma.sendChannel().await(SECOND);
            dma.recvChannel().await(SECOND);
        }
        in.close();
        out.close();
        assertEquals(free, dev.memoryStats().freeBytes(), "fifty transfers leak no descriptor chain");
    }
}
