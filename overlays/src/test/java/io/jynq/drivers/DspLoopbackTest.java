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
import io.jynq.error.HardwareTimeoutException;
import io.jynq.device.sim.SimDevice;
import io.jynq.device.sim.model.AxiGpioModel;
import io.jynq.drivers.bram.Bram;
import io.jynq.drivers.dma.AxiDma;
import io.jynq.drivers.dma.DmaTimeoutException;
import io.jynq.drivers.gpio.AxiGpio;
import io.jynq.drivers.gpio.Direction;
import io.jynq.drivers.hls.HlsIp;
import io.jynq.drivers.intc.AxiIntc;
import io.jynq.overlay.Interrupt;
import io.jynq.overlay.Overlay;
import io.jynq.testing.SimBoards;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Behaviour of the drivers on the simulated board with the bundled dsp_loopback overlay. */
class DspLoopbackTest {
    private static final Duration SECOND = Duration.ofSeconds(1);
    @TempDir
    Path dir;
    private Overlay ol;
    private SimDevice dev;

    @BeforeEach
    void load() {
        ol = SimBoards.dspLoopback(dir);
        dev = (SimDevice) ol.device();
    }

    private ContiguousBuffer alloc(int n) {
        return Buffers.allocate(dev, new long[] {n}, DType.INT32, false);
    }

    static int[] referenceFir(int[] coef, int[] x) {
        int[] y = new int[x.length];
        for (int n = 0; n < x.length; n++) {
            int acc = 0;
            for (int k = 0; k < coef.length; k++) {
                acc += n - k >= 0 ? coef[k] * x[n - k] : 0;
            }
            y[n] = acc;
        }
        return y;
    }

    @Test
    void driversAreBoundByVlnv() {
        assertInstanceOf(AxiDma.class, ol.ip("axi_dma_0"));
        assertInstanceOf(AxiGpio.class, ol.ip("axi_gpio_0"));
        assertInstanceOf(AxiIntc.class, ol.ip("axi_intc_0"));
        assertInstanceOf(HlsIp.class, ol.ip("add_0"));
        assertInstanceOf(HlsIp.class, ol.ip("fir_0"));
        assertInstanceOf(Bram.class, ol.ip("axi_bram_ctrl_0"));
        assertEquals("AxiDma[axi_dma_0 @ 0x40400000, MM2S halted, S2MM halted]", ol.ip("axi_dma_0").toString(),
                "bound, not started: no register written until a channel is used");
        ((AxiDma) ol.ip("axi_dma_0")).sendChannel();
        assertEquals("AxiDma[axi_dma_0 @ 0x40400000, MM2S idle, S2MM halted]", ol.ip("axi_dma_0").toString());
        assertTrue(ol.toString().startsWith("Overlay[dsp_loopback, "), ol.toString());
    }

    @Test
    void dmaLoopbackThroughTheFirEqualsTheJavaReference() {
        int[] coef = {1, -2, 3, 4, -5, 6, 7, 100_000};
        HlsIp fir = ol.ip("fir_0", HlsIp.class);
        for (int k = 0; k < 8; k++) {
            fir.registers().write("coef_" + k, coef[k]);
        }
        int[] x = new Random(42).ints(1000).toArray();
        x[0] = Integer.MIN_VALUE;
        AxiDma dma = ol.ip("axi_dma_0", AxiDma.class);
        try (ContiguousBuffer in = alloc(x.length); ContiguousBuffer out = alloc(x.length)) {
            in.copyFrom(x);
            dma.recvChannel().transfer(out);
            dma.sendChannel().transfer(in);
            dma.sendChannel().await(SECOND);
            dma.recvChannel().await(SECOND);
            int[] y = new int[x.length];
            out.copyTo(y);
            assertArrayEquals(referenceFir(coef, x), y);
            assertEquals(4L * x.length, dma.recvChannel().transferred());
            assertEquals(4L * x.length, dma.sendChannel().transferred());
            assertTrue(dma.sendChannel().idle());
        }
    }

    @ParameterizedTest(name = "add({0}, {1}) = {2}")
    @CsvSource({"3, 4, 7", "0, 0, 0", "-1, 1, 0", "2147483647, 1, -2147483648", "-2147483648, -1, 2147483647",
            "-5, -7, -12"})
    void adderReturnsTheSum(int a, int b, int sum) {
        HlsIp add = ol.ip("add_0", HlsIp.class);
        assertEquals(sum, add.call(a, b));
        assertEquals(sum, add.start(a, b).await(SECOND));
    }

    @Test
    void hlsCallWithWrongArgumentsTouchesNoRegister() {
        HlsIp add = ol.ip("add_0", HlsIp.class);
        add.call(5, 6);
        IllegalArgumentException n = assertThrows(IllegalArgumentException.class, () -> add.call(1));
        assertEquals("add_0 takes 2 arguments [a, b], got 1", n.getMessage());
        IllegalArgumentException t = assertThrows(IllegalArgumentException.class, () -> add.call(1, "two"));
        assertTrue(t.getMessage().startsWith("argument 2 (b, 32 bits) of add_0: expected an integer"), t.getMessage());
        assertThrows(IllegalArgumentException.class, () -> add.call(1, 1L << 40));
        assertEquals(11, ol.ip("add_0").registers().read("ap_return"));
    }

    @Test
    void switchChangeRaisesTheGpioInterruptThroughTheIntcAndWakesAWaiter() throws Exception {
        AxiGpio gpio = ol.ip("axi_gpio_0", AxiGpio.class);
        assertEquals(Direction.INPUT, gpio.channel2().direction());
        CompletableFuture<Void> waiter = CompletableFuture.runAsync(
                () -> gpio.channel2().pin(1).waitForValue(1, Duration.ofSeconds(5)));
        Thread.sleep(50);
        assertFalse(waiter.isDone());
        dev.withModels(() -> dev.model("axi_gpio_0", AxiGpioModel.class).setInput(2, 0b10));
        waiter.get(5, TimeUnit.SECONDS);
        assertEquals(1, gpio.channel2().pin(1).read());
    }

    @Test
    void interruptOnNextCompletesInAPlainThread() throws Exception {
        ol.ip("axi_gpio_0", AxiGpio.class);
        ol.ip("axi_gpio_0").write(0x11C, 0x8000_0000L);
        ol.ip("axi_gpio_0").write(0x128, 2);
        Interrupt irq = ol.interrupt("axi_gpio_0/ip2intc_irpt");
        CompletableFuture<Void> f = irq.onNext();
        Thread.sleep(30);
        assertFalse(f.isDone());
        dev.withModels(() -> dev.model("axi_gpio_0", AxiGpioModel.class).setInput(2, 0b01));
        f.get(5, TimeUnit.SECONDS);
    }

    @Test
    void interruptTimeoutReportsTheIntcRegisters() {
        Interrupt irq = ol.interrupt("add_0/interrupt");
        HardwareTimeoutException e = assertThrows(HardwareTimeoutException.class, () -> irq.await(Duration.ofMillis(30)));
        assertTrue(e.getMessage().contains("axi_intc_0.IER=0x"), e.getMessage());
        assertTrue(e.registers().containsKey("axi_intc_0.MER"));
    }

    @Test
    void ledsAreDrivenThroughTheSoftwareCopy() {
        AxiGpio gpio = ol.ip("axi_gpio_0", AxiGpio.class);
        gpio.channel1().pins(0, 3).on();
        gpio.channel1().pins(0, 2).off();
        gpio.channel1().pin(3).toggle();
        assertEquals(0b1100, dev.model("axi_gpio_0", AxiGpioModel.class).output(1));
        assertThrows(IllegalStateException.class, () -> gpio.channel2().write(1));
    }

    @Test
    void dmaOfAClosedOversizedOrMisalignedBufferOrOnAHaltedChannelIsRefused() {
        AxiDma dma = ol.ip("axi_dma_0", AxiDma.class);
        ContiguousBuffer b = alloc(64);
        IllegalArgumentException mis = assertThrows(IllegalArgumentException.class,
                () -> dma.sendChannel().transfer(b, 2, 16));
        assertTrue(mis.getMessage().contains("not a multiple of 4 bytes (MM2S data width 32 bits, no DRE)"), mis.getMessage());
        assertThrows(IndexOutOfBoundsException.class, () -> dma.sendChannel().transfer(b, 0, 257));
        assertEquals((1L << 26) - 1, dma.bufferMaxSize());
        dma.sendChannel().stop();
        IllegalStateException halted = assertThrows(IllegalStateException.class, () -> dma.sendChannel().transfer(b));
        assertTrue(halted.getMessage().contains("is halted"), halted.getMessage());
        dma.sendChannel().start();
        b.close();
        assertThrows(IllegalStateException.class, () -> dma.sendChannel().transfer(b));
        assertTrue(dma.sendChannel().running());
        assertEquals("DmaChannel[MM2S of axi_dma_0, idle]", dma.sendChannel().toString());
    }

    @Test
    void dmaThatNeverCompletesTimesOutWithTheDecodedStatus() {
        AxiDma dma = ol.ip("axi_dma_0", AxiDma.class);
        try (ContiguousBuffer out = alloc(16)) {
            dma.recvChannel().transfer(out);
            DmaTimeoutException e = assertThrows(DmaTimeoutException.class, () -> dma.recvChannel().await(Duration.ofMillis(50)));
            assertTrue(e.getMessage().startsWith("S2MM of axi_dma_0 did not finish in PT0.05S: DMASR=0x"), e.getMessage());
            assertTrue(e.decodedStatus().contains("running, not idle"), e.decodedStatus());
            assertTrue(e.registers().containsKey("S2MM_DMASR"));
            dma.reset();
            assertTrue(dma.recvChannel().running());
        }
    }

    /** With a latency the handshake can be watched: AP_START=1 and AP_DONE=0 after start, then done. */
    @Test
    void hlsLatencyInCtrlReadsShowsTheHandshake() {
        var model = dev.model("add_0", io.jynq.device.sim.model.HlsModel.class);
        HlsIp add = ol.ip("add_0", HlsIp.class);
        model.setLatencyReads(2);
        try {
            var call = add.start(40, 2);
            long ctrl = add.registers().read("CTRL");
            assertEquals(1, ctrl & 1, "AP_START stays set while it runs");
            assertEquals(0, ctrl & 2, "AP_DONE not yet");
            assertEquals(42, call.await(SECOND));
            assertEquals(0, add.registers().read("CTRL") & 1, "AP_START falls when done");
        } finally {
            model.setLatencyReads(0);
        }
        assertEquals(7, add.call(3, 4), "without latency, done at the first read as before");
        assertThrows(IllegalArgumentException.class, () -> model.setLatencyReads(-1));
    }

    /** PYNQ's {@code dma.recvchannel.wait()}: without an argument, the default deadline applies. */
    @Test
    void awaitWithoutATimeoutUsesTheDefaultDeadline() throws Exception {
        AxiDma dma = ol.ip("axi_dma_0", AxiDma.class);
        io.jynq.testing.TempProperty.with("jynq.wait.timeout", "0.05", () -> {
            try (ContiguousBuffer out = alloc(16)) {
                dma.recvChannel().transfer(out);
                DmaTimeoutException e = assertThrows(DmaTimeoutException.class, () -> dma.recvChannel().await());
                assertTrue(e.getMessage().startsWith("S2MM of axi_dma_0 did not finish in PT0.05S"), e.getMessage());
                dma.reset();
            }
        });
        assertEquals(io.jynq.overlay.Deadline.DEFAULT_WAIT, io.jynq.overlay.Deadline.defaultTimeout());
    }

    @Test
    void bramReadsBackWhatWasWritten() {
        Bram ram = ol.ip("axi_bram_ctrl_0", Bram.class);
        assertEquals(8192, ram.byteSize());
        ram.write(2046, new int[] {7, -8});
        assertEquals(-8, ram.readWord(2047));
        assertThrows(io.jynq.mmio.MmioException.class, () -> ram.readWord(2048));
    }
}
