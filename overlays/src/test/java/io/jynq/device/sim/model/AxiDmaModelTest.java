package io.jynq.device.sim.model;

import static io.jynq.ip.AxiDmaLayout.MM2S_DMACR;
import static io.jynq.ip.AxiDmaLayout.MM2S_DMASR;
import static io.jynq.ip.AxiDmaLayout.MM2S_LENGTH;
import static io.jynq.ip.AxiDmaLayout.MM2S_SA;
import static io.jynq.ip.AxiDmaLayout.S2MM_DA;
import static io.jynq.ip.AxiDmaLayout.S2MM_DMACR;
import static io.jynq.ip.AxiDmaLayout.S2MM_DMASR;
import static io.jynq.ip.AxiDmaLayout.S2MM_LENGTH;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jynq.device.DeviceMemory;
import io.jynq.device.RegisterSpace;
import io.jynq.device.sim.SimDevice;
import io.jynq.ip.AxiDmaLayout;
import io.jynq.testing.DspLoopback;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * AXI DMA direct register mode, PG021 v7.1 register sections, on dsp_loopback where MM2S feeds the
 * HLS FIR whose output feeds S2MM; register traffic only (the driver is tested elsewhere).
 */
class AxiDmaModelTest {
    @TempDir
    Path dir;
    SimDevice board;
    RegisterSpace dma;
    RegisterSpace fir;

    @BeforeEach
    void load() {
        board = DspLoopback.board(dir);
        dma = board.map(DspLoopback.DMA, 0x10000);
        fir = board.map(DspLoopback.FIR, 0x10000);
    }

    @AfterEach
    void close() {
        board.close();
    }

    private void start(int cr) {
        dma.write32(MM2S_DMACR, cr);
        dma.write32(S2MM_DMACR, cr);
    }

    @Test
    void pg021DmacrAndDmasrResetValues() {
        assertEquals(0x0001_0002, dma.read32(MM2S_DMACR), "IRQThreshold = 1, reserved bit 1 reads 1");
        assertEquals(0x0001_0002, dma.read32(S2MM_DMACR));
        assertEquals(AxiDmaLayout.DMASR_HALTED, dma.read32(MM2S_DMASR));
        assertEquals(AxiDmaLayout.DMASR_HALTED, dma.read32(S2MM_DMASR));
    }

    @Test
    void pg021DmacrRsClearsHaltedAndIdleWaitsForATransfer() {
        start(AxiDmaLayout.DMACR_RS);
        assertEquals(0, dma.read32(MM2S_DMASR) & 0x3, "running, not yet idle (PYNQ's 'first transfer' case)");
        dma.write32(MM2S_DMACR, 0);
        assertEquals(AxiDmaLayout.DMASR_HALTED, dma.read32(MM2S_DMASR) & 1);
    }

    @Test
    void pg021DmacrResetResetsBothChannelsAndSelfClears() {
        start(AxiDmaLayout.DMACR_RS | AxiDmaLayout.DMACR_IOC_IRQ_EN);
        dma.write32(MM2S_DMACR, AxiDmaLayout.DMACR_RESET);
        assertEquals(0x0001_0002, dma.read32(MM2S_DMACR));
        assertEquals(0x0001_0002, dma.read32(S2MM_DMACR));
        assertEquals(AxiDmaLayout.DMASR_HALTED, dma.read32(S2MM_DMASR));
    }

    @Test
    void pg021LengthWriteWhileHaltedHasNoEffect() {
        try (DeviceMemory src = board.allocate(64, 64, false)) {
            dma.write32(MM2S_SA, (int) src.physicalAddress());
            dma.write32(MM2S_LENGTH, 64);
            assertEquals(AxiDmaLayout.DMASR_HALTED, dma.read32(MM2S_DMASR));
        }
    }

    /** The FIR of the dsp_loopback README in plain Java, independent of the model. */
    static int[] referenceFir(int[] coef, int[] x) {
        int[] y = new int[x.length];
        for (int n = 0; n < x.length; n++) {
            long acc = 0;
            for (int k = 0; k < coef.length; k++) {
                if (n - k >= 0) {
                    acc += (long) coef[k] * x[n - k];
                }
            }
            y[n] = (int) acc;  // 32-bit HLS int: keep the low 32 bits
        }
        return y;
    }

    @Test
    void pg021LoopbackThroughTheFirEqualsTheJavaReferenceAndS2mmLengthReportsBytes() {
        int[] coef = {3, -1, 4, -1, 5, -9, 2, 0x7FFF_FFFF};
        for (int k = 0; k < coef.length; k++) {
            fir.write32(0x10 + 8 * k, coef[k]);
        }
        int n = 1 << 18;  // 1 MiB: many rounds of back-pressure through the links
        int[] x = new Random(42).ints(n).toArray();
        x[0] = Integer.MIN_VALUE;
        x[1] = Integer.MAX_VALUE;
        try (DeviceMemory src = board.allocate(4L * n, 64, true);
             DeviceMemory dst = board.allocate(4L * n + 256, 64, true)) {
            src.buffer().asIntBuffer().put(x);
            start(AxiDmaLayout.DMACR_RS | AxiDmaLayout.DMACR_IOC_IRQ_EN);
            dma.write32(S2MM_DA, (int) dst.physicalAddress());
            dma.write32(S2MM_LENGTH, 4 * n + 256);
            assertEquals(0, dma.read32(S2MM_DMASR) & AxiDmaLayout.DMASR_IDLE, "armed, waiting for data");
            dma.write32(MM2S_SA, (int) src.physicalAddress());
            dma.write32(MM2S_LENGTH, 4 * n);
            assertEquals(AxiDmaLayout.DMASR_IDLE | AxiDmaLayout.DMASR_IOC_IRQ, dma.read32(MM2S_DMASR));
            assertEquals(AxiDmaLayout.DMASR_IDLE | AxiDmaLayout.DMASR_IOC_IRQ, dma.read32(S2MM_DMASR));
            assertEquals(4 * n, dma.read32(S2MM_LENGTH), "S2MM_LENGTH reads the bytes received up to TLAST");
            int[] y = new int[n];
            dst.buffer().asIntBuffer().get(y);
            assertArrayEquals(referenceFir(coef, x), y);
        }
    }

    @Test
    void pg021S2mmArmedAfterMm2sStillReceivesThePacket() {
        fir.write32(0x10, 1);  // identity filter
        try (DeviceMemory src = board.allocate(256, 64, false); DeviceMemory dst = board.allocate(256, 64, false)) {
            for (int i = 0; i < 64; i++) {
                src.buffer().putInt(4 * i, i * 7);
            }
            start(AxiDmaLayout.DMACR_RS);
            dma.write32(MM2S_SA, (int) src.physicalAddress());
            dma.write32(MM2S_LENGTH, 256);
            dma.write32(S2MM_DA, (int) dst.physicalAddress());
            dma.write32(S2MM_LENGTH, 256);
            assertTrue((dma.read32(S2MM_DMASR) & AxiDmaLayout.DMASR_IDLE) != 0);
            assertEquals(63 * 7, dst.buffer().getInt(4 * 63));
        }
    }

    @Test
    void pg021Mm2sIntoAStreamNobodyDrainsStaysBusyUntilS2mmIsArmed() {
        fir.write32(0x10, 1);
        int n = 1 << 20;  // far more than the links' FIFOs hold
        try (DeviceMemory src = board.allocate(n, 64, false); DeviceMemory dst = board.allocate(n, 64, false)) {
            for (int i = 0; i < n / 4; i++) {
                src.buffer().putInt(4 * i, i);
            }
            start(AxiDmaLayout.DMACR_RS);
            dma.write32(MM2S_SA, (int) src.physicalAddress());
            dma.write32(MM2S_LENGTH, n);
            assertEquals(0, dma.read32(MM2S_DMASR), "back-pressure: running, not idle, no error");
            dma.write32(S2MM_DA, (int) dst.physicalAddress());
            dma.write32(S2MM_LENGTH, n);
            assertEquals(AxiDmaLayout.DMASR_IDLE | AxiDmaLayout.DMASR_IOC_IRQ, dma.read32(MM2S_DMASR), "drained");
            assertEquals(n, dma.read32(S2MM_LENGTH));
            assertEquals(n / 4 - 1, dst.buffer().getInt(n - 4));
        }
    }

    @Test
    void pg021DmasrIrqBitsAreWriteOneToClear() {
        pg021S2mmArmedAfterMm2sStillReceivesThePacket();
        dma.write32(S2MM_DMASR, AxiDmaLayout.DMASR_IDLE);  // Idle is read-only
        assertTrue((dma.read32(S2MM_DMASR) & AxiDmaLayout.DMASR_IOC_IRQ) != 0, "writing 0 to IOC_Irq keeps it");
        dma.write32(S2MM_DMASR, AxiDmaLayout.DMASR_IOC_IRQ);
        assertEquals(AxiDmaLayout.DMASR_IDLE, dma.read32(S2MM_DMASR), "IOC_Irq cleared, Idle kept");
    }

    @Test
    void pg021DmaDecErrForAnAddressWithoutMemory() {
        start(AxiDmaLayout.DMACR_RS | AxiDmaLayout.DMACR_ERR_IRQ_EN);
        dma.write32(MM2S_SA, 0x0800_0000);  // below simulated DDR, no memory there
        dma.write32(MM2S_LENGTH, 64);
        int sr = dma.read32(MM2S_DMASR);
        assertTrue((sr & AxiDmaLayout.DMASR_DMA_DEC_ERR) != 0, AxiDmaLayout.describeDmasr(sr));
        assertTrue((sr & AxiDmaLayout.DMASR_ERR_IRQ) != 0);
        assertTrue((sr & AxiDmaLayout.DMASR_HALTED) != 0, "an error halts the channel");
        assertEquals(0, dma.read32(MM2S_DMACR) & AxiDmaLayout.DMACR_RS, "and clears RS");
        dma.write32(MM2S_DMACR, AxiDmaLayout.DMACR_RS);
        assertTrue((dma.read32(MM2S_DMASR) & AxiDmaLayout.DMASR_HALTED) != 0, "only a reset restarts it");
    }

    @Test
    void pg021S2mmWithoutDataStaysBusy() {
        try (DeviceMemory dst = board.allocate(256, 64, false)) {
            start(AxiDmaLayout.DMACR_RS);
            dma.write32(S2MM_DA, (int) dst.physicalAddress());
            dma.write32(S2MM_LENGTH, 256);
            assertEquals(0, dma.read32(S2MM_DMASR), "running, not idle, no error: a driver wait times out");
        }
    }

    @Test
    void pg021PacketLongerThanTheS2mmBufferIsDmaIntErr() {
        fir.write32(0x10, 1);
        try (DeviceMemory src = board.allocate(256, 64, false); DeviceMemory dst = board.allocate(128, 64, false)) {
            start(AxiDmaLayout.DMACR_RS);
            dma.write32(S2MM_DA, (int) dst.physicalAddress());
            dma.write32(S2MM_LENGTH, 128);
            dma.write32(MM2S_SA, (int) src.physicalAddress());
            dma.write32(MM2S_LENGTH, 256);
            int sr = dma.read32(S2MM_DMASR);
            assertTrue((sr & AxiDmaLayout.DMASR_DMA_INT_ERR) != 0, AxiDmaLayout.describeDmasr(sr));
            assertFalse((sr & AxiDmaLayout.DMASR_IDLE) != 0);
        }
    }

    @Test
    void pg021DmaReachesTheDesignsBram() {
        RegisterSpace bram = board.map(DspLoopback.BRAM, 0x2000);
        fir.write32(0x10, 2);
        for (int i = 0; i < 16; i++) {
            bram.write32(4 * i, i);
        }
        try (DeviceMemory dst = board.allocate(64, 64, false)) {
            start(AxiDmaLayout.DMACR_RS);
            dma.write32(S2MM_DA, (int) dst.physicalAddress());
            dma.write32(S2MM_LENGTH, 64);
            dma.write32(MM2S_SA, (int) DspLoopback.BRAM);
            dma.write32(MM2S_LENGTH, 64);
            ByteBuffer out = dst.buffer();
            assertEquals(30, out.getInt(4 * 15));
        }
    }
}
