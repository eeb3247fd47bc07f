package io.jynq.drivers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jynq.buffer.Buffers;
import io.jynq.buffer.ContiguousBuffer;
import io.jynq.buffer.DType;
import io.jynq.device.DeviceException;
import io.jynq.device.DeviceMemory;
import io.jynq.device.sim.SimDevice;
import io.jynq.drivers.dma.AxiDma;
import io.jynq.ip.AxiDmaLayout;
import io.jynq.mmio.Mmio;
import io.jynq.overlay.Overlay;
import io.jynq.testing.DspLoopback;
import io.jynq.testing.SimBoards;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14, DMA into freed memory: {@code recv.transfer(o2); o2.close();} then a new buffer at the
 * same place used to receive the pending S2MM data while {@code await} reported success.
 */
class DmaFreedMemoryTest {
    private static final Duration SECOND = Duration.ofSeconds(1);
    @TempDir
    Path dir;
    private Overlay ol;
    private SimDevice dev;
    private AxiDma dma;

    @BeforeEach
    void load() {
        ol = SimBoards.dspLoopback(dir);
        dev = (SimDevice) ol.device();
        dma = ol.ip("axi_dma_0", AxiDma.class);
        ol.ip("fir_0", io.jynq.drivers.hls.HlsIp.class).registers().write("coef_0", 1);  // the FIR passes samples through
    }

    private ContiguousBuffer alloc(int n) {
        return Buffers.allocate(dev, new long[] {n}, DType.INT32, false);
    }

    @Test
    void closingABufferAnArmedChannelWillWriteIsRefusedUntilTheTransferEnds() {
        ContiguousBuffer in = alloc(16);
        ContiguousBuffer out = alloc(16);
        dma.recvChannel().transfer(out);
        IllegalStateException e = assertThrows(IllegalStateException.class, out::close);
        assertTrue(e.getMessage().contains("S2MM") && e.getMessage().contains("armed with 64 bytes")
                && e.getMessage().contains("DMASR=0x"), e.getMessage());
        assertTrue(!out.isClosed(), "the refused close leaves the buffer usable");
        IntStream.range(0, 16).forEach(i -> in.setLong(i, i));
        dma.sendChannel().transfer(in);
        dma.sendChannel().await(SECOND);
        dma.recvChannel().await(SECOND);
        out.close();  // done: now it may go
        in.close();
    }

    @Test
    void memoryAChannelIsArmedWithIsNotReusedEvenWhenFreedBehindTheDriversBack() {
        // a raw program: S2MM armed by register writes into a DeviceMemory that is then freed
        Mmio regs = new Mmio(dev, DspLoopback.DMA, 0x10000, "axi_dma_0");
        DeviceMemory o2 = dev.allocate(4096, 64, false);
        long where = o2.physicalAddress();
        regs.write32(AxiDmaLayout.S2MM_DMACR, AxiDmaLayout.DMACR_RS);
        regs.write32(AxiDmaLayout.S2MM_DA, (int) where);
        regs.write32(AxiDmaLayout.S2MM_LENGTH, 4096);
        o2.close();
        try (DeviceMemory next = dev.allocate(4096, 64, false)) {
            assertNotEquals(where, next.physicalAddress(), "memory the armed S2MM may still write is not reused");
            ContiguousBuffer in = alloc(16);
            IntStream.range(0, 16).forEach(i -> in.setLong(i, 7));
            dma.sendChannel().transfer(in);
            dma.sendChannel().await(SECOND);
            byte[] got = new byte[64];
            next.buffer().get(0, got);
            assertArrayEquals(new byte[64], got, "the pending S2MM did not write the new buffer");
        }
        // once the transfer is over, the freed block is available again
        assertTrue((regs.read32(AxiDmaLayout.S2MM_DMASR) & AxiDmaLayout.DMASR_IDLE) != 0);
        try (DeviceMemory again = dev.allocate(4096, 64, false)) {
            assertEquals(where, again.physicalAddress());
        }
    }

    @Test
    void awaitAfterTheChannelWasHaltedAndItsBufferFreedReportsTheDecodedDmasr() {
        ContiguousBuffer out = alloc(16);
        dma.recvChannel().transfer(out);
        dma.write(AxiDmaLayout.S2MM_DMACR, 0);  // halted behind the driver's back (another cell, a raw MMIO)
        out.close();  // halted: nothing can write it any more, so the close is allowed
        DeviceException e = assertThrows(DeviceException.class, () -> dma.recvChannel().await(SECOND));
        assertTrue(e.getMessage().contains("DMASR=0x") && e.getMessage().contains("halted")
                && e.getMessage().contains("since freed"), e.getMessage());
    }
}
