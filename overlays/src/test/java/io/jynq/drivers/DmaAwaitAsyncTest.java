package io.jynq.drivers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
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
import io.jynq.overlay.DefaultIp;
import io.jynq.overlay.Deadline;
import io.jynq.overlay.LoadOptions;
import io.jynq.overlay.Overlay;
import io.jynq.testing.Designs;
import io.jynq.testing.DspLoopback;
import io.jynq.testing.SimBoards;
import io.jynq.testing.TempProperty;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PYNQ's {@code await dma.recvchannel.wait_async()} as {@link DmaChannel#awaitAsync()}, on
 * dsp_loopback (its DMA's mm2s_introut/s2mm_introut reach the PS through xlconcat_0 and
 * axi_intc_0, inputs 0 and 1), rebuilt with C_INCLUDE_SG=1 for the scatter-gather channel; the
 * FIR scales by 3 (coef_0 = 3), so the data that arrives shows it went through the design.
 */
class DmaAwaitAsyncTest {
    private static final long TIMEOUT_S = 30;  // generous: the machine may be loaded
    @TempDir
    Path dir;
    private SimDevice dev;
    private Overlay ol;
    private final List<ContiguousBuffer> buffers = new ArrayList<>();

    private AxiDma load(String hwh) {
        dev = SimBoards.open(dir, 64);
        ol = Overlay.of(DspLoopback.bit(), Designs.parse(hwh, "dsp_loopback_variant.hwh"), LoadOptions.defaults().withDevice(dev));
        ol.ip("fir_0", HlsIp.class).registers().write("coef_0", 3);
        return ol.ip("axi_dma_0", AxiDma.class);
    }

    private static String sg() {
        return Designs.dspLoopbackHwh().replaceAll("(?i)(\"c_include_sg\" VALUE=)\"0\"", "$1\"1\"");
    }

    private ContiguousBuffer u4(int n) {
        ContiguousBuffer b = Buffers.allocate(dev, new long[] {n}, DType.U4, false);
        buffers.add(b);
        return b;
    }

    @AfterEach
    void free() {
        buffers.forEach(b -> {
            if (!b.isClosed()) {
                b.close();
            }
        });
        if (dev != null) {
            dev.close();
        }
    }

    /** Sends 0..n-1 and checks the future's byte count and the tripled samples. */
    private void sendAndCheck(AxiDma dma, CompletableFuture<Long> recv, ContiguousBuffer out, int n) throws Exception {
        ContiguousBuffer in = u4(n);
        IntStream.range(0, n).forEach(i -> in.setInt(i, i));
        dma.sendChannel().transfer(in);
        assertEquals(4L * n, dma.sendChannel().awaitAsync().get(TIMEOUT_S, TimeUnit.SECONDS));
        assertEquals(4L * n, recv.get(TIMEOUT_S, TimeUnit.SECONDS), "the future carries transferred()");
        int[] got = new int[n];
        out.copyTo(got);
        assertArrayEquals(IntStream.range(0, n).map(i -> 3 * i).toArray(), got, "every sample through the FIR");
    }

    @Test
    void aScatterGatherReceiveCompletesOnItsInterruptThroughTheIntc() throws Exception {
        AxiDma dma = load(sg());
        assertTrue(dma.hasInterrupt("s2mm_introut"));
        int n = 4096;  // 16 KiB: several descriptors' worth of stream back-pressure
        ContiguousBuffer out = u4(n);
        dma.recvChannel().transfer(out);
        CompletableFuture<Long> recv = dma.recvChannel().awaitAsync();
        DefaultIp intc = ol.ip("axi_intc_0");
        Deadline d = Deadline.after(Duration.ofSeconds(TIMEOUT_S));
        while ((intc.read(0x08) & 2) == 0) {  // IER bit 1: s2mm_introut's INTC input
            assertFalse(d.expired(), "the waiter never enabled s2mm_introut at the INTC: it is not waiting on the interrupt");
            d.pause("INTC IER");
        }
        assertFalse(recv.isDone(), "nothing has been sent yet");
        sendAndCheck(dma, recv, out, n);
        assertTrue(dma.recvChannel().halted(), "as PYNQ's wait_async, the SG channel is stopped afterwards");
        // the same cell again: a second transfer and wait on the same channel
        dma.recvChannel().transfer(out);
        sendAndCheck(dma, dma.recvChannel().awaitAsync(), out, n);
    }

    @Test
    void withoutAWiredInterruptTheWaiterPollsAndStillCompletes() throws Exception {
        // s2mm_introut left unconnected: its own net, no connection at either end
        String unwired = sg().replace("<CONNECTION INSTANCE=\"xlconcat_0\" PORT=\"In1\"/>", "")
                .replace("<CONNECTION INSTANCE=\"axi_dma_0\" PORT=\"s2mm_introut\"/>", "")
                .replace("NAME=\"s2mm_introut\" SENSITIVITY=\"LEVEL_HIGH\" SIGIS=\"INTERRUPT\" SIGNAME=\"axi_dma_0_s2mm_introut\"",
                        "NAME=\"s2mm_introut\" SENSITIVITY=\"LEVEL_HIGH\" SIGIS=\"INTERRUPT\" SIGNAME=\"dangling\"");
        AxiDma dma = load(unwired);
        assertFalse(dma.hasInterrupt("s2mm_introut"), "the test design must not wire s2mm_introut");
        ContiguousBuffer out = u4(256);
        dma.recvChannel().transfer(out);
        sendAndCheck(dma, dma.recvChannel().awaitAsync(), out, 256);
    }

    @Test
    void aSimpleModeChannelCompletesItsFutureToo() throws Exception {
        AxiDma dma = load(Designs.dspLoopbackHwh());
        assertFalse(dma.recvChannel().scatterGather());
        ContiguousBuffer out = u4(512);
        dma.recvChannel().transfer(out);
        sendAndCheck(dma, dma.recvChannel().awaitAsync(), out, 512);
    }

    @Test
    void aTimeoutFailsTheFutureWithDmasrCurdescAndTaildesc() throws Exception {
        AxiDma dma = load(sg());
        dma.recvChannel().transfer(u4(64));  // nothing is sent
        ExecutionException e = assertThrows(ExecutionException.class,
                () -> dma.recvChannel().awaitAsync(Duration.ofMillis(300)).get(TIMEOUT_S, TimeUnit.SECONDS));
        DmaTimeoutException t = assertInstanceOf(DmaTimeoutException.class, e.getCause());
        String m = t.getMessage();
        assertTrue(m.startsWith("S2MM of axi_dma_0 did not finish in PT0.3S: DMASR=0x"), m);
        assertTrue(m.contains("CURDESC=0x") && m.contains("TAILDESC=0x") && m.contains("0 of 2 descriptors done"), m);
        assertTrue(t.registers().containsKey("S2MM_CURDESC") && t.registers().containsKey("S2MM_TAILDESC"), t.registers().toString());
        assertEquals(t.registers().get("S2MM_DMASR").intValue(), t.dmasr());
        dma.reset();  // the transfer was left running; reset() aborts it and the channel works again
        ContiguousBuffer out = u4(16);
        dma.recvChannel().transfer(out);
        sendAndCheck(dma, dma.recvChannel().awaitAsync(), out, 16);
    }

    @Test
    void withoutADurationTheDefaultDeadlineApplies() throws Exception {
        AxiDma dma = load(sg());
        TempProperty.with("jynq.wait.timeout", "0.2", () -> {
            dma.recvChannel().transfer(u4(64));
            ExecutionException e = assertThrows(ExecutionException.class,
                    () -> dma.recvChannel().awaitAsync().get(TIMEOUT_S, TimeUnit.SECONDS));
            assertTrue(e.getCause().getMessage().startsWith("S2MM of axi_dma_0 did not finish in PT0.2S"), e.getCause().getMessage());
            // and the blocking await() of a scatter-gather channel, PYNQ's wait()
            DmaTimeoutException t = assertThrows(DmaTimeoutException.class, () -> dma.recvChannel().await());
            assertEquals(Duration.ofMillis(200), t.timeout());
            dma.reset();
        });
    }

    @Test
    void cancellingEndsTheWaitNotTheTransferAndCyclicIsRefusedAtOnce() throws Exception {
        AxiDma dma = load(sg());
        ContiguousBuffer out = u4(32);
        dma.recvChannel().transfer(out);
        CompletableFuture<Long> f = dma.recvChannel().awaitAsync();
        assertTrue(f.cancel(true));
        assertThrows(CancellationException.class, f::join);
        assertFalse(dma.recvChannel().halted(), "the transfer still runs");
        sendAndCheck(dma, dma.recvChannel().awaitAsync(), out, 32);

        ContiguousBuffer wave = u4(16);
        dma.sendChannel().transfer(wave, true);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> dma.sendChannel().awaitAsync());
        assertTrue(e.getMessage().contains("cyclic"), e.getMessage());
        dma.sendChannel().stop();
    }
}
