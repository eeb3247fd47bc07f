package io.jynq.device.sim.rtl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jynq.buffer.Buffers;
import io.jynq.buffer.ContiguousBuffer;
import io.jynq.buffer.DType;
import io.jynq.device.sim.Sim;
import io.jynq.device.sim.SimDevice;
import io.jynq.device.sim.model.dsp.FirModel;
import io.jynq.drivers.dma.AxiDma;
import io.jynq.drivers.dma.DmaTimeoutException;
import io.jynq.drivers.hls.HlsIp;
import io.jynq.mmio.Mmio;
import io.jynq.overlay.Overlay;
import io.jynq.testing.DspLoopback;
import io.jynq.testing.SimBoards;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bundled dsp_loopback overlay with its adder and FIR replaced by JYNQ's own Verilog IPs,
 * driven through the unchanged drivers: the notebook does not change.
 */
class RtlCosimTest {
    private static final Duration SECOND = Duration.ofSeconds(5);
    @TempDir
    Path dir;

    @BeforeAll
    static void verilator() {
        RtlTestCores.requireVerilator();
    }

    @AfterEach
    void forget() {
        Sim.unregister("xilinx.com:hls:add:1.0");
    }

    private static SimDevice dev(Overlay ol) {
        return (SimDevice) ol.device();
    }

    @Test
    void anAdderDriverMadeBeforeTheBindingReachesTheRtl() {
        Overlay ol = SimBoards.dspLoopback(dir);
        HlsIp add = ol.ip("add_0", HlsIp.class);
        assertEquals(12, add.call(5, 7), "the Java model first");
        RtlModel m = dev(ol).rtl("add_0", RtlTestCores.core("rtl_add.core"), "sim", Map.of(), Map.of());
        assertEquals("rtl_add", m.handle().library().top());
        long before = m.cycles();
        assertEquals(-2, add.call(Integer.MAX_VALUE, Integer.MAX_VALUE), "32-bit wrap, from the Verilog");
        assertEquals(1000, add.call(-24, 1024));
        assertTrue(m.cycles() - before >= 2 * 4, "each call takes at least LATENCY cycles: " + (m.cycles() - before));
        assertEquals(100_000_000L, m.clockHz(), "FCLK0 of the design's clock port");
    }

    @Test
    void aPlainRegisterFileHandleMadeBeforeTheBindingIsDivertedToTheRtl() {
        Sim.register("xilinx.com:hls:add:1.0", ctx -> {
            throw new NoSuchElementException("test: simulate add_0 as a plain register file");
        });
        Overlay ol = SimBoards.dspLoopback(dir);
        Mmio early = new Mmio(ol.device(), DspLoopback.ADD, 0x10000, "add_0");
        early.write32(0x18, 40);
        assertEquals(40, early.read32(0x18), "a register file: the write reads back");
        assertEquals(0, early.read32(0x10));
        dev(ol).rtl("add_0", RtlTestCores.core("rtl_add.core"), "sim", Map.of("LATENCY", 2), Map.of());
        early.write32(0x18, 40);
        early.write32(0x20, 2);
        early.write32(0x00, 1);
        int polls = 0;
        while ((early.read32(0x00) & 2) == 0) {
            polls++;
            assertTrue(polls < 100, "AP_DONE never rose");
        }
        assertEquals(42, early.read32(0x10));
    }

    @Test
    void theAdderInterruptReachesTheIntcModel() {
        Overlay ol = SimBoards.dspLoopback(dir);
        dev(ol).rtl("add_0", RtlTestCores.core("rtl_add.core"), "sim", Map.of(), Map.of());
        Mmio add = new Mmio(ol.device(), DspLoopback.ADD, 0x10000, "add_0");
        Mmio intc = new Mmio(ol.device(), DspLoopback.INTC, 0x10000, "axi_intc_0");
        intc.write32(0x1C, 3);  // MER: ME and HIE, so that inputs set ISR (PG099)
        add.write32(0x04, 1);  // GIE
        add.write32(0x08, 1);  // IER: ap_done
        add.write32(0x18, 1);
        add.write32(0x20, 2);
        assertEquals(0, intc.read32(0x00) & 0x8, "ISR bit 3 (add_0) low before the call");
        add.write32(0x00, 1);
        dev(ol).run(50);
        assertEquals(0x8, intc.read32(0x00) & 0x8, "ISR bit 3 (add_0) set by the RTL's interrupt output");
        assertEquals(1, add.read32(0x0C) & 1, "the RTL's ISR: ap_done");
        add.write32(0x0C, 1);  // toggle-on-write clears it
        dev(ol).run(2);
        assertEquals(0, add.read32(0x0C) & 1);
    }

    @Test
    void aDmaLoopbackStreamsThroughTheRtlScalerWhileTheFirRegistersStayModelled() {
        Overlay ol = SimBoards.dspLoopback(dir);
        SimDevice dev = (SimDevice) ol.device();
        RtlModel m = dev.rtl("fir_0", RtlTestCores.core("rtl_scaler.core"), "sim", Map.of("GAIN", 5), Map.of());
        assertInstanceOf(FirModel.class, m.previous(), "the stream-only core leaves the registers to the FIR model");
        assertEquals("in_stream", m.ports().slaveInterface());
        assertEquals("out_stream", m.ports().masterInterface());
        HlsIp fir = ol.ip("fir_0", HlsIp.class);
        fir.registers().write("coef_1", 9);  // still FirModel's register: accepted, and unused by the scaler
        int n = 10_000;
        int[] x = IntStream.range(0, n).map(i -> i * 7 - 3000).toArray();
        AxiDma dma = ol.ip("axi_dma_0", AxiDma.class);
        try (ContiguousBuffer in = Buffers.allocate(dev, new long[] {n}, DType.INT32, false);
                ContiguousBuffer out = Buffers.allocate(dev, new long[] {n}, DType.INT32, false)) {
            in.copyFrom(x);
            dma.recvChannel().transfer(out);
            dma.sendChannel().transfer(in);
            dma.sendChannel().await(SECOND);
            dma.recvChannel().await(SECOND);
            int[] y = new int[n];
            out.copyTo(y);
            assertArrayEquals(IntStream.of(x).map(v -> v * 5 + 7).toArray(), y, "GAIN 5 and the vlogdefine offset 7");
            assertEquals(4L * n, dma.recvChannel().transferred(), "TLAST ended the S2MM packet");
        }
        assertTrue(m.cycles() >= n, "one beat per cycle at most: " + m.cycles());
    }

    @Test
    void anRtlThatNeverRaisesTreadyMakesTheDmaWaitTimeOutNamingTheStalledInterface() {
        Overlay ol = SimBoards.dspLoopback(dir);
        SimDevice dev = (SimDevice) ol.device();
        dev.rtl("fir_0", RtlTestCores.core("rtl_scaler.core"), "sim", Map.of("STALL", 1), Map.of());
        AxiDma dma = ol.ip("axi_dma_0", AxiDma.class);
        try (ContiguousBuffer in = Buffers.allocate(dev, new long[] {64}, DType.INT32, false);
                ContiguousBuffer out = Buffers.allocate(dev, new long[] {64}, DType.INT32, false)) {
            dma.recvChannel().transfer(out);
            dma.sendChannel().transfer(in);
            DmaTimeoutException e = assertThrows(DmaTimeoutException.class,
                    () -> dma.recvChannel().await(Duration.ofMillis(300)));
            assertTrue(e.getMessage().contains("S2MM of axi_dma_0 did not finish") && e.getMessage().contains("DMASR=0x"),
                    "the decoded DMA state: " + e.getMessage());
            assertTrue(e.getMessage().contains("RTL stall: fir_0 AXI4-Stream slave in_stream (s_axis_tready) kept TREADY low"),
                    "the stalled interface: " + e.getMessage());
            dma.reset();  // before the buffers are freed
        }
    }

    @Test
    void theTraceWritesAVcdOfTheRtlSignals() throws Exception {
        Overlay ol = SimBoards.dspLoopback(dir);
        dev(ol).rtl("add_0", RtlTestCores.core("rtl_add.core"), "sim", Map.of(), Map.of());
        Path vcd = dir.resolve("add.vcd");
        dev(ol).trace("add_0", vcd);
        ol.ip("add_0", HlsIp.class).call(1, 2);
        dev(ol).trace("add_0", null);
        String text = Files.readString(vcd);
        assertTrue(text.contains("$timescale"), "a VCD header");
        assertTrue(text.contains("s_axi_control_AWVALID") && text.contains("ap_return"), "the adder's signals");
    }
}
