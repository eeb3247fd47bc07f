package io.jynq.device.sim.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jynq.device.DeviceMemory;
import io.jynq.device.RegisterSpace;
import io.jynq.device.sim.SimConfig;
import io.jynq.device.sim.SimDevice;
import io.jynq.testing.Designs;
import io.jynq.testing.DspLoopback;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * AXI DMA in scatter-gather mode, register and descriptor traffic only, checked against PG021
 * v7.1 table by table with the numbers written out here (not through the shared layout class):
 * "Scatter/Gather Mode Register Address Map" (DMACR 00h, DMASR 04h, CURDESC 08h, TAILDESC 10h,
 * S2MM at +30h), "Descriptor Fields" (NXTDESC 00h, BUFFER_ADDRESS 08h, CONTROL 18h, STATUS 1Ch),
 * MM2S_CONTROL (length 25:0, TXEOF 26, TXSOF 27), S2MM_STATUS (bytes 25:0, RXEOF 26, RXSOF 27,
 * DMAIntErr 28, DMASlvErr 29, DMADecErr 30, Cmplt 31), DMASR (Halted 0, Idle 1, SGIncld 3,
 * DMAIntErr 4, DMADecErr 6, SGIntErr 8, SGDecErr 10, IOC_Irq 12, Dly_Irq 13, Err_Irq 14,
 * IRQThresholdSts 23:16, IRQDelaySts 31:24), DMACR (IRQThreshold 23:16, IRQDelay 31:24) and the
 * "Delay timer resolution" parameter C_DLYTMR_RESOLUTION.
 * The design is dsp_loopback rebuilt with C_INCLUDE_SG=1: MM2S feeds the FIR (identity here),
 * whose output feeds S2MM.
 */
class AxiDmaSgModelTest {
    private static final int MM2S = 0x00;
    private static final int S2MM = 0x30;
    private static final int DMACR = 0x00;
    private static final int DMASR = 0x04;
    private static final int CURDESC = 0x08;
    private static final int TAILDESC = 0x10;
    private static final int RS = 1;
    private static final int CYCLIC = 1 << 4;
    private static final int HALTED = 1;
    private static final int IDLE = 1 << 1;
    private static final int SG_INCLD = 1 << 3;
    private static final int DMA_INT_ERR = 1 << 4;
    private static final int DMA_DEC_ERR = 1 << 6;
    private static final int SG_INT_ERR = 1 << 8;
    private static final int SG_DEC_ERR = 1 << 10;
    private static final int IOC_IRQ = 1 << 12;
    private static final int ERR_IRQ = 1 << 14;
    private static final int SOF = 1 << 27;
    private static final int EOF = 1 << 26;
    private static final int CMPLT = 1 << 31;

    @TempDir
    Path dir;
    SimDevice board;
    RegisterSpace dma;
    DeviceMemory ring;
    DeviceMemory data;

    static String sgDesign() {
        return Designs.dspLoopbackHwh().replaceAll("(?i)(\"c_include_sg\" VALUE=)\"0\"", "$1\"1\"");
    }

    @BeforeEach
    void load() {
        board = SimDevice.open(SimConfig.at(dir));
        board.download(DspLoopback.bit(), Designs.parse(sgDesign(), "dsp_loopback_sg.hwh"), false);
        dma = board.map(DspLoopback.DMA, 0x10000);
        board.map(DspLoopback.FIR, 0x10000).write32(0x10, 1);  // identity filter
        ring = board.allocate(64 * 16, 4096, false);
        data = board.allocate(1 << 16, 4096, false);
    }

    @AfterEach
    void close() {
        ring.close();
        data.close();
        board.close();
    }

    /** Descriptor {@code i} of the ring: next, buffer (offset into {@link #data}), control. */
    private void descriptor(int i, int next, int dataOffset, int control) {
        ByteBuffer b = ring.buffer();
        b.putInt(64 * i, (int) ring.physicalAddress() + 64 * next);
        b.putInt(64 * i + 0x08, (int) data.physicalAddress() + dataOffset);
        b.putInt(64 * i + 0x18, control);
        b.putInt(64 * i + 0x1C, 0);
    }

    private int desc(int i) {
        return (int) ring.physicalAddress() + 64 * i;
    }

    private int status(int i) {
        return ring.buffer().getInt(64 * i + 0x1C);
    }

    private void run(int channel, int first, int tail, int control) {
        dma.write32(channel + CURDESC, desc(first));
        dma.write32(channel + DMACR, control);
        dma.write32(channel + TAILDESC, desc(tail));
    }

    @Test
    void pg021SgResetDmasrHasSgIncldAndThresholdOne() {
        assertEquals(HALTED | SG_INCLD | 1 << 16, dma.read32(MM2S + DMASR));
        assertEquals(HALTED | SG_INCLD | 1 << 16, dma.read32(S2MM + DMASR));
        dma.write32(MM2S + DMACR, RS);
        assertEquals(SG_INCLD | 1 << 16, dma.read32(MM2S + DMASR), "running, not idle before a tail is written");
    }

    @Test
    void pg021ChainsMoveDataAndWriteStatusWords() {
        for (int i = 0; i < 96; i++) {
            data.buffer().putInt(4 * i, 1000 + i);
        }
        // MM2S: one 384-byte packet in three descriptors; S2MM: two 256-byte buffers at 0x1000
        descriptor(0, 1, 0, 128 | SOF);
        descriptor(1, 2, 128, 128);
        descriptor(2, 0, 256, 128 | EOF);
        descriptor(4, 5, 0x1000, 256);
        descriptor(5, 4, 0x1100, 256);
        run(S2MM, 4, 5, RS);
        assertEquals(0, dma.read32(S2MM + DMASR) & (IDLE | HALTED), "S2MM waits for the stream");
        run(MM2S, 0, 2, RS);
        assertEquals(IDLE | IOC_IRQ | SG_INCLD, dma.read32(MM2S + DMASR) & 0xFFFF, "tail reached, one EOF: IOC");
        for (int i = 0; i < 3; i++) {
            assertEquals(CMPLT | 128, status(i), "MM2S_STATUS " + i + ": Cmplt | transferred bytes");
        }
        assertEquals(desc(2), dma.read32(MM2S + CURDESC), "CURDESC rests on the tail");
        assertEquals(CMPLT | SOF | 256, status(4), "RXSOF on the buffer holding the packet start");
        assertEquals(CMPLT | EOF | 128, status(5), "RXEOF where TLAST came: 128 of 256 bytes");
        assertEquals(IDLE | IOC_IRQ, dma.read32(S2MM + DMASR) & (IDLE | IOC_IRQ));
        for (int i = 0; i < 96; i++) {
            assertEquals(1000 + i, data.buffer().getInt(0x1000 + 4 * i));
        }
    }

    @Test
    void pg021TaildescWhileHaltedDoesNothingAndCurdescIsReadOnlyWhileRunning() {
        descriptor(0, 0, 0, 64 | SOF | EOF);
        dma.write32(MM2S + CURDESC, desc(0));
        dma.write32(MM2S + TAILDESC, desc(0));
        assertEquals(0, status(0), "halted: the tail write starts nothing");
        dma.write32(MM2S + DMACR, RS);
        dma.write32(MM2S + CURDESC, desc(3));
        assertEquals(desc(0), dma.read32(MM2S + CURDESC), "CURDESC is RO while running");
        dma.write32(MM2S + CURDESC + 0, desc(0) | 0x3F);
        assertEquals(desc(0), dma.read32(MM2S + CURDESC));
    }

    @Test
    void pg021CurdescBits5To0ReadAsZero() {
        dma.write32(MM2S + CURDESC, desc(1) | 0x24);
        assertEquals(desc(1), dma.read32(MM2S + CURDESC));
    }

    @Test
    void pg021AStaleDescriptorIsAnSgIntErrThatHaltsAtIt() {
        descriptor(0, 1, 0, 64 | SOF);
        descriptor(1, 0, 64, 64 | EOF);
        ring.buffer().putInt(64 + 0x1C, CMPLT | 64);  // software did not clear descriptor 1's status
        descriptor(4, 4, 0x1000, 256);
        run(S2MM, 4, 4, RS);
        run(MM2S, 0, 1, RS | 1 << 14);
        int sr = dma.read32(MM2S + DMASR);
        assertEquals(SG_INT_ERR | ERR_IRQ | HALTED, sr & (SG_INT_ERR | ERR_IRQ | HALTED | IDLE));
        assertEquals(0, dma.read32(MM2S + DMACR) & RS, "an error clears RS");
        assertEquals(desc(1), dma.read32(MM2S + CURDESC), "CURDESC points at the descriptor in error");
        assertEquals(CMPLT | 64, status(0), "the one before it was done");
        assertEquals(CMPLT | 64, status(1), "the stale one is not updated");
    }

    @Test
    void pg021ADescriptorWithoutMemoryIsAnSgDecErr() {
        dma.write32(MM2S + CURDESC, 0x0800_0000);  // below simulated DDR
        dma.write32(MM2S + DMACR, RS);
        dma.write32(MM2S + TAILDESC, 0x0800_0000);
        assertEquals(SG_DEC_ERR | HALTED, dma.read32(MM2S + DMASR) & (SG_DEC_ERR | HALTED));
    }

    @Test
    void pg021ZeroLengthIsDmaIntErrAndAMissingBufferDmaDecErrBothInStatus() {
        descriptor(0, 0, 0, SOF | EOF);
        run(MM2S, 0, 0, RS);
        assertEquals(DMA_INT_ERR | HALTED, dma.read32(MM2S + DMASR) & (DMA_INT_ERR | HALTED));
        assertEquals(1 << 28, status(0), "STATUS DMAIntErr");
        ByteBuffer b = ring.buffer();
        b.putInt(64 + 0x08, 0x0800_0000);
        b.putInt(64 + 0x18, 64);
        b.putInt(64, desc(1));
        run(S2MM, 1, 1, RS);
        assertEquals(DMA_DEC_ERR | HALTED, dma.read32(S2MM + DMASR) & (DMA_DEC_ERR | HALTED));
        assertEquals(1 << 30, status(1), "STATUS DMADecErr");
    }

    @Test
    void pg021IrqThresholdCountsEndOfFrameCompletions() {
        descriptor(0, 1, 0, 64 | SOF | EOF);
        descriptor(1, 2, 64, 64 | SOF | EOF);
        descriptor(2, 0, 128, 64 | SOF | EOF);
        descriptor(4, 5, 0x1000, 64);
        descriptor(5, 6, 0x1100, 64);
        descriptor(6, 4, 0x1200, 64);
        run(S2MM, 4, 6, RS);
        dma.write32(MM2S + CURDESC, desc(0));
        dma.write32(MM2S + DMACR, RS | 2 << 16);  // IRQThreshold 2
        assertEquals(2, dma.read32(MM2S + DMASR) >>> 16 & 0xFF, "IRQThresholdSts shows the counter");
        dma.write32(MM2S + TAILDESC, desc(0));
        assertEquals(1, dma.read32(MM2S + DMASR) >>> 16 & 0xFF, "one packet: counted down");
        assertEquals(IDLE, dma.read32(MM2S + DMASR) & (IDLE | IOC_IRQ), "no IOC_Irq below the threshold");
        dma.write32(MM2S + TAILDESC, desc(1));
        assertEquals(IDLE | IOC_IRQ, dma.read32(MM2S + DMASR) & (IDLE | IOC_IRQ), "second packet: IOC_Irq");
        assertEquals(2, dma.read32(MM2S + DMASR) >>> 16 & 0xFF, "and the counter reloads");
        assertEquals(CMPLT | 64, status(1), "a new tail goes on after the old one");
    }

    @Test
    void pg021S2mmPacketLongerThanTheChainWaitsForMoreDescriptors() {
        for (int i = 0; i < 64; i++) {
            data.buffer().putInt(4 * i, i);
        }
        descriptor(0, 0, 0, 256 | SOF | EOF);
        descriptor(4, 5, 0x1000, 64);
        descriptor(5, 6, 0x1100, 64);
        descriptor(6, 4, 0x1200, 128);
        run(S2MM, 4, 5, RS);
        run(MM2S, 0, 0, RS);
        assertEquals(CMPLT | SOF | 64, status(4));
        assertEquals(CMPLT | 64, status(5), "middle of the packet: neither RXSOF nor RXEOF");
        assertEquals(IDLE, dma.read32(S2MM + DMASR) & IDLE, "tail reached mid-packet");
        assertEquals(IDLE, dma.read32(MM2S + DMASR) & IDLE, "MM2S is done: the stream's FIFO holds the rest");
        dma.write32(S2MM + TAILDESC, desc(6));
        assertEquals(CMPLT | EOF | 128, status(6), "the rest lands in the descriptor after the old tail");
        assertEquals(63, data.buffer().getInt(0x1200 + 124));
    }

    @Test
    void pg021CyclicModeIgnoresCmpltAndTheTailAndRunsUntilHalted() {
        for (int i = 0; i < 32; i++) {
            data.buffer().putInt(4 * i, 7 * i);
        }
        descriptor(0, 1, 0, 64 | SOF);
        descriptor(1, 0, 64, 64 | EOF);
        for (int i = 4; i < 9; i++) {
            descriptor(i, i + 1, 0x1000 + 128 * (i - 4), 128);
        }
        run(S2MM, 4, 8, RS);
        dma.write32(MM2S + CURDESC, desc(0));
        dma.write32(MM2S + DMACR, RS | CYCLIC);
        dma.write32(MM2S + TAILDESC, desc(2));  // outside the chain, as PYNQ programs it
        for (int i = 4; i < 9; i++) {
            assertEquals(CMPLT | SOF | EOF | 128, status(i), "lap " + (i - 4) + " received as one packet");
            assertEquals(7 * 31, data.buffer().getInt(0x1000 + 128 * (i - 4) + 124));
        }
        assertEquals(0, dma.read32(MM2S + DMASR) & (IDLE | HALTED | SG_INT_ERR), "still running past Cmplt descriptors");
        dma.write32(MM2S + DMACR, 0);
        assertEquals(HALTED, dma.read32(MM2S + DMASR) & HALTED);
    }

    @Test
    void pg021MicroDmaLengthOverOneBurstIsDmaIntErr() {
        board.download(DspLoopback.bit(), Designs.parse(Designs.dspLoopbackHwh()
                .replace("\"C_MICRO_DMA\" VALUE=\"0\"", "\"C_MICRO_DMA\" VALUE=\"1\"")
                .replace("\"c_micro_dma\" VALUE=\"0\"", "\"c_micro_dma\" VALUE=\"1\""), "micro.hwh"), false);
        dma = board.map(DspLoopback.DMA, 0x10000);
        dma.write32(MM2S + DMACR, RS);
        dma.write32(0x18, (int) data.physicalAddress());
        dma.write32(0x28, 65);  // 32-bit data x 16 beats = 64 bytes per burst
        assertEquals(DMA_INT_ERR | HALTED, dma.read32(MM2S + DMASR) & (DMA_INT_ERR | HALTED));
        dma.write32(MM2S + DMACR, 1 << 2);  // reset
        dma.write32(MM2S + DMACR, RS);
        dma.write32(0x18, (int) data.physicalAddress());
        dma.write32(0x28, 64);
        assertEquals(0, dma.read32(MM2S + DMASR) & (DMA_INT_ERR | HALTED), "one burst is fine");
    }

    // PG021 v7.1 "MM2S_DMACR": IRQDelay 31:24, IRQThreshold 23:16, Dly_IrqEn 13; "MM2S_DMASR": IRQDelaySts
    // 31:24, IRQThresholdSts 23:16, Dly_Irq 13 (write 1 to clear); "Delay timer resolution"
    // C_DLYTMR_RESOLUTION, 125 cycles per tick in dsp_loopback's .hwh. Each register access is one cycle.
    private static final int DLY_IRQ = 1 << 13;
    private static final int INTC = 0x4180_0000;

    @Test
    void pg021DelayTimerRaisesDlyIrqIrqDelayTimesResolutionCyclesAfterThePacketEnds() {
        RegisterSpace intc = board.map(INTC, 0x10000);
        intc.write32(0x1C, 3);  // MER: ME | HIE, so inputs set ISR (PG099)
        descriptor(0, 0, 0, 64 | SOF | EOF);
        run(MM2S, 0, 0, 0x0304_2001);  // IRQDelay 3, IRQThreshold 4, Dly_IrqEn, RS; the packet ends in the TAILDESC write
        int sr = dma.read32(MM2S + DMASR);
        assertEquals(IDLE, sr & (IDLE | IOC_IRQ | DLY_IRQ), "one EOF of a threshold of 4: no IOC_Irq yet");
        assertEquals(3, sr >>> 16 & 0xFF, "IRQThresholdSts counted down from 4");
        board.run(372);  // with the read above: 373 of 3 x 125 = 375 cycles
        sr = dma.read32(MM2S + DMASR);  // cycle 374
        assertEquals(0, sr & DLY_IRQ, "374 cycles: not yet");
        assertEquals(2, sr >>> 24, "IRQDelaySts: 374 / 125 = 2 ticks");
        board.run(1);  // cycle 375 = IRQDelay x C_DLYTMR_RESOLUTION
        sr = dma.read32(MM2S + DMASR);
        assertEquals(DLY_IRQ | IDLE, sr & (DLY_IRQ | IDLE | IOC_IRQ), "Dly_Irq after 375 cycles, IOC_Irq still not");
        assertEquals(0, sr >>> 24, "the timer resets on its timeout");
        assertEquals(4, sr >>> 16 & 0xFF, "a delay interrupt reloads the threshold counter");
        assertEquals(1, intc.read32(0x00) & 1, "mm2s_introut (INTC intr[0]) high: Dly_Irq and Dly_IrqEn");
        board.run(100_000);
        assertEquals(0, dma.read32(MM2S + DMASR) >>> 24, "no packet ended since: the timer stays stopped");
        dma.write32(MM2S + DMASR, DLY_IRQ);  // write 1 to clear
        assertEquals(0, dma.read32(MM2S + DMASR) & DLY_IRQ);
        intc.write32(0x0C, 1);  // IAR
        assertEquals(0, intc.read32(0x00) & 1, "mm2s_introut low once Dly_Irq is cleared");
    }

    @Test
    void pg021DelayTimerResetsWhenANewPacketBeginsAndIrqDelayZeroDisablesIt() {
        descriptor(0, 1, 0, 64 | SOF | EOF);
        descriptor(1, 2, 64, 64 | SOF);  // a packet in two descriptors: it begins here...
        descriptor(2, 3, 128, 64 | EOF);  // ...and ends here
        descriptor(3, 0, 192, 64 | SOF | EOF);
        for (int i = 4; i < 8; i++) {
            descriptor(i, i == 7 ? 4 : i + 1, 0x1000 + 128 * (i - 4), 128);
        }
        run(S2MM, 4, 7, RS);  // S2MM drains the stream, so MM2S is never held up by full FIFOs
        run(MM2S, 0, 0, 0x0201_0001);  // IRQDelay 2 (250 cycles), IRQThreshold 1, RS, Dly_IrqEn clear
        dma.write32(MM2S + DMASR, IOC_IRQ);  // cycle 1
        board.run(200);
        dma.write32(MM2S + TAILDESC, desc(1));  // cycle 202: a new packet begins, and does not end
        board.run(1_000);
        int sr = dma.read32(MM2S + DMASR);
        assertEquals(0, sr & DLY_IRQ, "a packet began 202 cycles after the first ended: the timer was reset");
        assertEquals(0, sr >>> 24, "and stays stopped while the packet runs");
        dma.write32(MM2S + TAILDESC, desc(2));  // the packet ends: the timer starts
        board.run(248);
        sr = dma.read32(MM2S + DMASR);  // 249 cycles after the end
        assertEquals(0, sr & DLY_IRQ);
        assertEquals(1, sr >>> 24, "IRQDelaySts: 249 / 125 = 1 tick");
        sr = dma.read32(MM2S + DMASR);  // 250
        assertEquals(DLY_IRQ, sr & DLY_IRQ, "Dly_Irq after IRQDelay x 125 cycles, even with Dly_IrqEn clear");
        dma.write32(MM2S + DMASR, DLY_IRQ | IOC_IRQ);
        dma.write32(MM2S + DMACR, 0x0001_0001);  // IRQDelay 0: disabled
        dma.write32(MM2S + TAILDESC, desc(3));
        board.run(1_000_000);
        sr = dma.read32(MM2S + DMASR);
        assertEquals(IOC_IRQ, sr & (DLY_IRQ | IOC_IRQ), "IRQDelay 0 disables the delay interrupt");
        assertEquals(0, sr >>> 24);
    }

    @Test
    void pg021DirectRegisterModeHasNoDelayTimer() {
        board.download(DspLoopback.bit(), DspLoopback.metadata(), false);
        dma = board.map(DspLoopback.DMA, 0x10000);
        dma.write32(MM2S + DMACR, 0x0301_2001);  // IRQDelay is ignored in Direct Register Mode (PG021 DMACR)
        dma.write32(0x18, (int) data.physicalAddress());
        dma.write32(0x28, 64);
        board.run(1_000_000);
        assertEquals(IDLE | IOC_IRQ, dma.read32(MM2S + DMASR) & (IDLE | IOC_IRQ | DLY_IRQ));
    }
}
