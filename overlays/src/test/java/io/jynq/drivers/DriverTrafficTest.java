package io.jynq.drivers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jynq.buffer.Buffers;
import io.jynq.buffer.ContiguousBuffer;
import io.jynq.buffer.DType;
import io.jynq.drivers.dma.AxiDma;
import io.jynq.drivers.gpio.AxiGpio;
import io.jynq.drivers.hls.HlsIp;
import io.jynq.overlay.LoadOptions;
import io.jynq.overlay.Overlay;
import io.jynq.testing.Designs;
import io.jynq.testing.ScriptedDevice;
import io.jynq.testing.ScriptedMemory;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The exact register traffic of the drivers, against a scripted bus (PYNQ's MockRegisterDevice style). */
class DriverTrafficTest {
    private static final long GPIO = 0x4120_0000L;
    private static final long DMA = 0x4040_0000L;
    private static final long ADD = 0x43C1_0000L;
    @TempDir
    Path dir;
    private final ScriptedDevice dev = new ScriptedDevice();
    private Overlay ol;

    @BeforeEach
    void load() {
        ol = Overlay.of(Designs.placeholderBit(dir, "dsp_loopback.bit"),
                Designs.parse(Designs.dspLoopbackHwh(), "dsp_loopback.hwh"), LoadOptions.defaults().withDevice(dev));
    }

    @Test
    void gpioBitsZeroToTwoOnThenZeroToOneOffWritesSevenThenFour() {
        AxiGpio leds = ol.ip("axi_gpio_0", AxiGpio.class);
        dev.strict().expectWrite(GPIO, 0x7).expectWrite(GPIO, 0x4);
        leds.channel1().pins(0, 3).on();
        leds.channel1().pins(0, 2).off();
        dev.verify();
        assertEquals(0x4, leds.channel1().read());
    }

    @Test
    void dmaStartsEachChannelOnFirstUseThenWritesAddressBeforeLength() {
        dev.strict();
        AxiDma dma = ol.ip("axi_dma_0", AxiDma.class);
        dev.verify(); // binding touches no register (PYNQ binds on first access)
        dev.expectWrite(DMA + 0x30, 0x5001).expectRead(DMA + 0x34, 0x0);
        dma.recvChannel();
        dev.verify();
        dev.expectWrite(DMA + 0x00, 0x5001).expectRead(DMA + 0x04, 0x0);
        dma.sendChannel();
        dma.sendChannel(); // started once
        dev.verify();
        ContiguousBuffer buf = Buffers.allocate(dev, new long[] {16}, DType.U4, true);
        long pa = buf.physicalAddress();
        dev.expectRead(DMA + 0x04, 0x0)
                .expectWrite(DMA + 0x04, 0x7000)
                .expectWrite(DMA + 0x18, pa)
                .expectWrite(DMA + 0x28, 64)
                .expectRead(DMA + 0x04, 0x0)
                .expectRead(DMA + 0x04, 0x1002)
                .expectWrite(DMA + 0x04, 0x1000);
        dma.sendChannel().transfer(buf);
        dma.sendChannel().await(Duration.ofSeconds(1));
        dev.verify();
        assertEquals(1, dev.memoryAt(pa).flushes);
        assertEquals(64, dma.sendChannel().transferred());
    }

    @Test
    void s2mmReportsTheLengthRegisterAndInvalidates() {
        AxiDma dma = ol.ip("axi_dma_0", AxiDma.class);
        ContiguousBuffer buf = Buffers.allocate(dev, new long[] {16}, DType.U4, true);
        dev.onWrite(DMA + 0x58, len -> dev.poke(DMA + 0x34, 0x1002).poke(DMA + 0x58, 24));
        dma.recvChannel().transfer(buf);
        dma.recvChannel().await(Duration.ofSeconds(1));
        ScriptedMemory m = dev.memoryAt(buf.physicalAddress());
        assertEquals(24, dma.recvChannel().transferred());
        assertEquals(1, m.invalidates);
        assertEquals(0, m.flushes);
    }

    @Test
    void dmaErrorBitsAreDecoded() {
        AxiDma dma = ol.ip("axi_dma_0", AxiDma.class);
        ContiguousBuffer buf = Buffers.allocate(dev, new long[] {16}, DType.U4, false);
        dev.onWrite(DMA + 0x28, len -> dev.poke(DMA + 0x04, 0x4041));
        dma.sendChannel().transfer(buf);
        io.jynq.device.DeviceException e = assertThrows(io.jynq.device.DeviceException.class,
                () -> dma.sendChannel().await(Duration.ofSeconds(1)));
        assertEquals("MM2S of axi_dma_0 failed: DMASR=0x4041 (halted, not idle, DMADecErr, Err_Irq);"
                + " reset() the DMA before the next transfer", e.getMessage());
    }

    @Test
    void aResetThatNeverCompletesTimesOutWithTheDecodedChannelRegisters() {
        AxiDma dma = ol.ip("axi_dma_0", AxiDma.class);
        dev.poke(DMA + 0x04, 0x1);  // halted: the reset bit written below is never cleared by this bus
        io.jynq.error.HardwareTimeoutException e = assertThrows(io.jynq.error.HardwareTimeoutException.class,
                dma::reset);
        assertEquals("axi_dma_0 reset did not complete in PT1S: DMACR.Reset still reads 1, DMASR=0x1 (halted, not idle, no error)",
                e.getMessage());
        assertEquals(0x4L, e.registers().get("MM2S_DMACR"));
        assertEquals(0x1L, e.registers().get("MM2S_DMASR"));
    }

    @Test
    void hlsCallWritesArgumentsThenApStartAndReadsApReturn() {
        HlsIp add = ol.ip("add_0", HlsIp.class);
        dev.strict()
                .expectRead(ADD, 0x4)
                .expectWrite(ADD + 0x18, 40)
                .expectWrite(ADD + 0x20, 0xFFFF_FFFEL)
                .expectWrite(ADD, 0x1)
                .expectRead(ADD, 0x1)
                .expectRead(ADD, 0x6)
                .expectRead(ADD + 0x0C, 0x1)
                .expectWrite(ADD + 0x0C, 0x1)
                .expectRead(ADD + 0x10, 38);
        assertEquals(38, add.call(40, -2));
        dev.verify();
    }

    @Test
    void anInterruptWaitAcksStaleCapturesEnablesItsIntcInputAndAcksOnWake() {
        long intc = 0x4180_0000L;
        dev.strict()
                .expectWrite(intc + 0x0C, 0x8)
                .expectWrite(intc + 0x08, 0x0)
                .expectWrite(intc + 0x1C, 0x3)
                .expectWrite(intc + 0x10, 0x8)
                .expectRead(intc + 0x04, 0x8)
                .expectWrite(intc + 0x0C, 0x8);
        assertTrue(ol.interrupt("add_0/interrupt").tryAwait(Duration.ZERO));
        dev.verify();
    }

    @Test
    void aTransferLongerThanTheLengthRegisterAllowsIsRefusedBeforeAnyWrite() {
        String hwh = Designs.dspLoopbackHwh().replace("\"C_SG_LENGTH_WIDTH\" VALUE=\"26\"", "\"C_SG_LENGTH_WIDTH\" VALUE=\"8\"");
        Overlay small = Overlay.of(Designs.placeholderBit(dir, "small.bit"), Designs.parse(hwh, "small.hwh"),
                LoadOptions.defaults().withDevice(dev));
        AxiDma dma = small.ip("axi_dma_0", AxiDma.class);
        assertEquals(255, dma.bufferMaxSize());
        ContiguousBuffer buf = Buffers.allocate(dev, new long[] {64}, DType.U4, false);
        dma.sendChannel(); // started on first use
        dev.clearTraffic();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> dma.sendChannel().transfer(buf));
        assertEquals("MM2S of axi_dma_0: a transfer of 256 bytes exceeds the maximum of 255 bytes (C_SG_LENGTH_WIDTH=8);"
                + " split it", e.getMessage());
        assertTrue(dev.traffic().isEmpty());
        dma.sendChannel().transfer(buf, 0, 252);
    }

    @Test
    void hlsStartOnABusyIpIsRefusedBeforeAnyArgumentIsWritten() {
        HlsIp add = ol.ip("add_0", HlsIp.class);
        dev.poke(ADD, 0x1);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> add.start(1, 2));
        assertTrue(e.getMessage().contains("busy"), e.getMessage());
        assertTrue(dev.writes().isEmpty());
    }

    /** PYNQ's DMA: a micro DMA's channel moves at most data width x burst size bytes (PG021 "Micro DMA"). */
    @Test
    void aMicroDmaTransferIsLimitedToOneBurst() {
        String hwh = Designs.dspLoopbackHwh().replace("\"C_MICRO_DMA\" VALUE=\"0\"", "\"C_MICRO_DMA\" VALUE=\"1\"")
                .replace("\"c_micro_dma\" VALUE=\"0\"", "\"c_micro_dma\" VALUE=\"1\"")
                .replace("\"C_S2MM_BURST_SIZE\" VALUE=\"16\"", "\"C_S2MM_BURST_SIZE\" VALUE=\"8\"");
        Overlay micro = Overlay.of(Designs.placeholderBit(dir, "micro.bit"), Designs.parse(hwh, "micro.hwh"),
                LoadOptions.defaults().withDevice(dev));
        AxiDma dma = micro.ip("axi_dma_0", AxiDma.class);
        assertEquals(64, dma.sendChannel().maxTransferBytes(), "32-bit data x 16 beats");
        assertEquals(32, dma.recvChannel().maxTransferBytes(), "32-bit data x 8 beats");
        ContiguousBuffer buf = Buffers.allocate(dev, new long[] {32}, DType.U4, false);
        dev.clearTraffic();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> dma.sendChannel().transfer(buf));
        assertTrue(e.getMessage().contains("maximum of 64 bytes (C_MICRO_DMA=1"), e.getMessage());
        assertTrue(dev.traffic().isEmpty(), "refused before any register write");
        dma.sendChannel().transfer(buf, 0, 64);
        String both = hwh.replace("\"C_INCLUDE_SG\" VALUE=\"0\"", "\"C_INCLUDE_SG\" VALUE=\"1\"");
        Overlay refused = Overlay.of(Designs.placeholderBit(dir, "both.bit"), Designs.parse(both, "both.hwh"),
                LoadOptions.defaults().withDevice(dev));
        assertEquals(io.jynq.overlay.DefaultIp.class, refused.driverClass("axi_dma_0"), "micro + SG: DefaultIp, as PYNQ");
    }
}
