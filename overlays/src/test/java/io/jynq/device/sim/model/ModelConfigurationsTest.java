package io.jynq.device.sim.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jynq.ip.AxiDmaLayout;
import io.jynq.ip.AxiGpioLayout;
import io.jynq.ip.AxiIntcLayout;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Model behaviour under parameters the bundled designs do not use, on a {@link FakeIpContext}. */
class ModelConfigurationsTest {

    @Test
    void pg144SingleInOutChannelReadsPinsForInputBitsAndTheLatchForOutputBits() {
        FakeIpContext ctx = new FakeIpContext("gpio", Map.of("C_GPIO_WIDTH", "8", "C_IS_DUAL", "0",
                "C_DOUT_DEFAULT", "0xA5", "C_TRI_DEFAULT", "0xFFFFFFF0", "C_INTERRUPT_PRESENT", "1"), Map.of());
        AxiGpioModel gpio = new AxiGpioModel(ctx);
        gpio.reset();
        assertEquals(0xF0, gpio.read(AxiGpioLayout.GPIO_TRI), "C_TRI_DEFAULT masked to 8 bits");
        assertEquals(0x05, gpio.read(AxiGpioLayout.GPIO_DATA), "pins low: inputs 7:4 read 0, outputs 3:0 the latch");
        gpio.setInput(1, 0x3C);
        assertEquals(0x35, gpio.read(AxiGpioLayout.GPIO_DATA), "inputs 7:4 = 0x3, outputs 3:0 = 0x5");
        assertEquals(0x05, gpio.output(1));
        gpio.write(AxiGpioLayout.GPIO_TRI, 0x00, 0xF);
        assertEquals(0xA5, gpio.read(AxiGpioLayout.GPIO_DATA), "all outputs now: the whole latch");
        assertEquals(0, gpio.read(AxiGpioLayout.GPIO2_DATA), "no channel 2 (C_IS_DUAL = 0)");
        assertThrows(IllegalArgumentException.class, () -> gpio.setInput(2, 1));
        assertEquals(0b01, gpio.read(AxiGpioLayout.IP_ISR), "the pin change set channel 1's bit");
        gpio.write(AxiGpioLayout.IP_ISR, 0b11, 0xF);
        assertEquals(0, gpio.read(AxiGpioLayout.IP_ISR), "channel-1 bit toggled off; no channel-2 bit to toggle on");
    }

    @Test
    void pg144WithoutInterruptPresentTheInterruptRegistersReadZero() {
        FakeIpContext ctx = new FakeIpContext("gpio", Map.of("C_GPIO_WIDTH", "4", "C_INTERRUPT_PRESENT", "0"), Map.of());
        AxiGpioModel gpio = new AxiGpioModel(ctx);
        gpio.reset();
        gpio.write(AxiGpioLayout.GIER, AxiGpioLayout.GIER_ENABLE, 0xF);
        gpio.setInput(1, 1);
        assertEquals(0, gpio.read(AxiGpioLayout.GIER));
        assertEquals(0, gpio.read(AxiGpioLayout.IP_ISR));
        assertFalse(ctx.level("ip2intc_irpt").high);
    }

    @Test
    void pg099EdgeInputsCaptureRisingEdgesOnly() {
        FakeIpContext ctx = new FakeIpContext("intc", Map.of("C_NUM_INTR_INPUTS", "2", "C_KIND_OF_INTR", "0x1",
                "C_KIND_OF_EDGE", "0x1"), Map.of());
        AxiIntcModel intc = new AxiIntcModel(ctx);
        intc.reset();
        intc.write(AxiIntcLayout.MER, 3, 0xF);
        intc.write(AxiIntcLayout.IER, 3, 0xF);
        intc.interruptInput("intr", 0, true);
        assertEquals(1, intc.read(AxiIntcLayout.ISR));
        assertTrue(ctx.level("irq").high);
        intc.write(AxiIntcLayout.IAR, 1, 0xF);
        assertEquals(0, intc.read(AxiIntcLayout.ISR), "still high, but no new edge: stays acknowledged");
        assertFalse(ctx.level("irq").high);
        intc.interruptInput("intr", 0, false);
        intc.interruptInput("intr", 0, true);
        assertEquals(1, intc.read(AxiIntcLayout.ISR), "a new rising edge");
        intc.interruptInput("intr", 1, true);
        intc.write(AxiIntcLayout.IAR, 2, 0xF);
        assertEquals(0b11, intc.read(AxiIntcLayout.ISR), "input 1 is level-sensitive: re-asserts after IAR");
        intc.interruptInput("intr", 5, true);
        assertEquals(0b11, intc.read(AxiIntcLayout.ISR), "inputs beyond C_NUM_INTR_INPUTS do not exist");
    }

    @Test
    void pg021ScatterGatherCoreShowsSgIncldHasNoLengthRegisterAndAnUnconnectedMm2sStaysBusy() {
        FakeIpContext ctx = new FakeIpContext("dma", Map.of("c_include_sg", "1", "c_sg_length_width", "14"), Map.of());
        ctx.queue("M_AXIS_MM2S").connected = false;
        AxiDmaModel dma = new AxiDmaModel(ctx);
        dma.reset();
        int threshold = 1 << 16;  // DMASR.IRQThresholdSts: the counter starts at DMACR's IRQThreshold, 1
        assertEquals(AxiDmaLayout.DMASR_HALTED | AxiDmaLayout.DMASR_SG_INCLD | threshold, dma.read(AxiDmaLayout.MM2S_DMASR));
        dma.write(AxiDmaLayout.MM2S_DMACR, AxiDmaLayout.DMACR_RS, 0xF);
        dma.write(AxiDmaLayout.MM2S_SA, (int) FakeIpContext.MEMORY_BASE, 0xF);
        dma.write(AxiDmaLayout.MM2S_LENGTH, 0xFFFF_FFFF, 0xF);
        assertEquals(0, dma.read(AxiDmaLayout.MM2S_LENGTH), "no LENGTH register in scatter-gather mode (PG021 SG address map)");
        assertEquals(AxiDmaLayout.DMASR_SG_INCLD | threshold, dma.read(AxiDmaLayout.MM2S_DMASR), "running, nothing started");
        int d = (int) FakeIpContext.MEMORY_BASE;
        java.nio.ByteBuffer m = ctx.memory.duplicate().order(java.nio.ByteOrder.LITTLE_ENDIAN);
        m.putInt(0x00, d);               // NXTDESC: itself
        m.putInt(0x08, d + 0x100);       // BUFFER_ADDRESS
        m.putInt(0x18, 64 | 3 << 26);    // CONTROL: 64 bytes, TXSOF | TXEOF
        dma.write(AxiDmaLayout.MM2S_CURDESC, d, 0xF);  // ignored while running
        dma.write(AxiDmaLayout.MM2S_DMACR, 0, 0xF);
        dma.write(AxiDmaLayout.MM2S_CURDESC, d, 0xF);
        dma.write(AxiDmaLayout.MM2S_DMACR, AxiDmaLayout.DMACR_RS, 0xF);
        dma.write(AxiDmaLayout.MM2S_TAILDESC, d, 0xF);
        assertEquals(AxiDmaLayout.DMASR_SG_INCLD | threshold, dma.read(AxiDmaLayout.MM2S_DMASR), "unconnected: never idle");
    }

    @Test
    void pg021Mm2sSendsOnePacketWithTlastAndRaisesItsInterrupt() {
        FakeIpContext ctx = new FakeIpContext("dma", Map.of(), Map.of());
        AxiDmaModel dma = new AxiDmaModel(ctx);
        dma.reset();
        for (int i = 0; i < 16; i++) {
            ctx.memory.put(i, (byte) i);
        }
        dma.write(AxiDmaLayout.MM2S_DMACR, AxiDmaLayout.DMACR_RS | AxiDmaLayout.DMACR_IOC_IRQ_EN, 0xF);
        dma.write(AxiDmaLayout.MM2S_SA, (int) FakeIpContext.MEMORY_BASE, 0xF);
        dma.write(AxiDmaLayout.MM2S_LENGTH, 16, 0xF);
        StreamChunk c = ctx.queue("M_AXIS_MM2S").chunks.poll();
        assertEquals(16, c.data().length);
        assertEquals(15, c.data()[15]);
        assertTrue(c.last());
        assertTrue(ctx.level("mm2s_introut").high);
        dma.write(AxiDmaLayout.MM2S_DMASR, AxiDmaLayout.DMASR_IOC_IRQ, 0xF);
        assertFalse(ctx.level("mm2s_introut").high, "IOC_Irq cleared: the line falls");
    }

    @Test
    void pg021ArmedS2mmTakesOfferedBytesStraightIntoItsBufferAndReportsTheLength() {
        FakeIpContext ctx = new FakeIpContext("dma", Map.of(), Map.of());
        AxiDmaModel dma = new AxiDmaModel(ctx);
        dma.reset();
        java.nio.ByteBuffer data = java.nio.ByteBuffer.wrap(new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
        assertEquals(0, dma.streamAccept("S_AXIS_S2MM", data, true), "not armed: takes nothing");
        dma.write(AxiDmaLayout.S2MM_DMACR, AxiDmaLayout.DMACR_RS, 0xF);
        dma.write(AxiDmaLayout.S2MM_DA, (int) FakeIpContext.MEMORY_BASE + 64, 0xF);
        dma.write(AxiDmaLayout.S2MM_LENGTH, 6, 0xF);
        assertEquals(6, dma.streamAccept("S_AXIS_S2MM", data, false), "only as much as the buffer holds");
        assertEquals(6, ctx.memory.get(64 + 5));
        assertEquals(0, dma.read(AxiDmaLayout.S2MM_DMASR) & AxiDmaLayout.DMASR_IDLE, "no TLAST yet");
        dma.write(AxiDmaLayout.S2MM_LENGTH, 100, 0xF);
        dma.write(AxiDmaLayout.S2MM_DMACR, AxiDmaLayout.DMACR_RESET, 0xF);
        dma.write(AxiDmaLayout.S2MM_DMACR, AxiDmaLayout.DMACR_RS, 0xF);
        dma.write(AxiDmaLayout.S2MM_DA, (int) FakeIpContext.MEMORY_BASE, 0xF);
        dma.write(AxiDmaLayout.S2MM_LENGTH, 100, 0xF);
        assertEquals(8, dma.streamAccept("S_AXIS_S2MM", data, true));
        assertEquals(8, dma.read(AxiDmaLayout.S2MM_LENGTH), "TLAST after 8 bytes");
        assertTrue((dma.read(AxiDmaLayout.S2MM_DMASR) & AxiDmaLayout.DMASR_IDLE) != 0);
    }
}
