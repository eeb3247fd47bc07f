package io.jynq.drivers.dma;

import io.jynq.buffer.ContiguousBuffer;
import io.jynq.error.HardwareTimeoutException;
import io.jynq.ip.AxiDmaLayout;
import io.jynq.metadata.IpDescription;
import io.jynq.overlay.BindTo;
import io.jynq.overlay.Deadline;
import io.jynq.overlay.DefaultIp;
import io.jynq.overlay.Overlay;
import io.jynq.overlay.UnsupportedConfigurationException;
import java.time.Duration;

/**
 * Driver of the AXI DMA (PYNQ's {@code DMA}), PG021 v7.1, in simple (direct register) mode or,
 * when built with scatter-gather, through descriptor chains (PYNQ's {@code _SGDMAChannel}, with
 * cyclic mode: {@link DmaChannel#transfer(ContiguousBuffer, long, long, boolean)}).
 * <pre>{@code
 * AxiDma dma = ol.ip("axi_dma_0", AxiDma.class);
 * dma.recvChannel().transfer(out);               // arm S2MM first
 * dma.sendChannel().transfer(in);                // MM2S starts the stream
 * dma.sendChannel().await(Duration.ofSeconds(1));
 * dma.recvChannel().await(Duration.ofSeconds(1));
 * dma.recvChannel().transfer(out);
 * CompletableFuture<Long> bytes = dma.recvChannel().awaitAsync();  // PYNQ's wait_async: woken by s2mm_introut
 * }</pre>
 *
 * <p>Configuration from the {@code .hwh} PARAMETERs: {@code C_INCLUDE_SG} (1: scatter-gather
 * channels, halted until a transfer starts them; with {@code C_MICRO_DMA=1} refused, as PYNQ),
 * {@code C_INCLUDE_MM2S}/{@code C_INCLUDE_S2MM} (which channels exist),
 * {@code C_SG_LENGTH_WIDTH} (LENGTH bits, default 26: {@link #bufferMaxSize()}),
 * {@code C_M_AXI_MM2S_DATA_WIDTH}/{@code C_M_AXI_S2MM_DATA_WIDTH} with
 * {@code C_INCLUDE_MM2S_DRE}/{@code C_INCLUDE_S2MM_DRE} (alignment), {@code C_ADDR_WIDTH}
 * (above 32, the MSB address registers are written), {@code C_MICRO_DMA} with
 * {@code C_MM2S_BURST_SIZE}/{@code C_S2MM_BURST_SIZE} (a micro DMA moves at most one burst:
 * data width in bytes × burst size, as PYNQ sizes it). Each channel is started on its first use.
 */
@BindTo(AxiDmaLayout.VLNV)
public class AxiDma extends DefaultIp {
    private final int lengthWidthBits;
    private final long bufferMaxSize;
    private final boolean micro;
    private final boolean sg;
    private final DmaChannel send;
    private final DmaChannel recv;

    /**
     * Binds to an AXI DMA. No register is touched: each channel starts (DMACR.RS, PG021) on first
     * use ({@link #sendChannel()}, {@link #recvChannel()}), as PYNQ binds a driver on first access.
     *
     * @throws UnsupportedConfigurationException if {@link #checkConfiguration} refuses the configuration
     */
    public AxiDma(Overlay overlay, IpDescription description) {
        super(overlay, description);
        checkConfiguration(description);
        lengthWidthBits = (int) parameter("C_SG_LENGTH_WIDTH", AxiDmaLayout.DEFAULT_LENGTH_WIDTH_BITS);
        bufferMaxSize = (1L << lengthWidthBits) - 1;
        micro = parameter("C_MICRO_DMA", 0) != 0;
        sg = parameter("C_INCLUDE_SG", 0) != 0;
        boolean wide = parameter("C_ADDR_WIDTH", 32) > 32;
        send = parameter("C_INCLUDE_MM2S", 1) != 0 ? channel(true, wide) : null;
        recv = parameter("C_INCLUDE_S2MM", 1) != 0 ? channel(false, wide) : null;
    }

    /**
     * Whether this driver can drive {@code description}'s configuration, checked without
     * constructing it (so a facade is typed {@code DefaultIp} for a DMA it cannot drive).
     *
     * @throws UnsupportedConfigurationException for micro DMA with scatter-gather (as PYNQ) or a
     *         {@code C_SG_LENGTH_WIDTH} outside PG021's 8..26
     */
    public static void checkConfiguration(IpDescription description) {
        if (parameter(description, "C_MICRO_DMA", 0) != 0 && parameter(description, "C_INCLUDE_SG", 0) != 0) {
            throw new UnsupportedConfigurationException(description.name() + ": micro DMA and scatter-gather together"
                    + " (C_MICRO_DMA=1, C_INCLUDE_SG=1) are not supported, as in PYNQ");
        }
        long w = parameter(description, "C_SG_LENGTH_WIDTH", AxiDmaLayout.DEFAULT_LENGTH_WIDTH_BITS);
        if (w < 8 || w > 26) {
            throw new UnsupportedConfigurationException(description.name() + ": C_SG_LENGTH_WIDTH=" + w
                    + " is outside PG021's 8..26");
        }
    }

    private DmaChannel channel(boolean mm2s, boolean wide) {
        String dir = mm2s ? "MM2S" : "S2MM";
        long width = parameter("C_M_AXI_" + dir + "_DATA_WIDTH", 32);
        boolean dre = parameter("C_INCLUDE_" + dir + "_DRE", 0) != 0;
        int align = dre ? 1 : (int) Math.max(1, width / 8);
        String reason = dre ? "DRE present" : dir + " data width " + width + " bits, no DRE";
        long burst = parameter("C_" + dir + "_BURST_SIZE", 16);
        // micro DMA (PG021 "Micro DMA"): one transfer is at most one burst, as PYNQ's DMA sizes it
        long max = micro ? width / 8 * burst : bufferMaxSize;
        String limit = micro ? "C_MICRO_DMA=1: " + dir + " data width " + width + " bits x C_" + dir + "_BURST_SIZE=" + burst
                : "C_SG_LENGTH_WIDTH=" + lengthWidthBits;
        return new DmaChannel(this, mmio(), mm2s, align, reason, wide, hasInterrupt(mm2s ? "mm2s_introut" : "s2mm_introut"),
                max, limit, sg ? overlay().device() : null);
    }

    /**
     * The MM2S channel (memory to stream; PYNQ's {@code sendchannel}), started on the first call.
     *
     * @throws HardwareTimeoutException if it does not leave Halted when first started
     * @throws IllegalStateException if the DMA has no MM2S channel (C_INCLUDE_MM2S=0)
     */
    public DmaChannel sendChannel() {
        if (send == null) {
            throw new IllegalStateException(name() + " has no MM2S channel (C_INCLUDE_MM2S=0)");
        }
        send.startOnce();
        return send;
    }

    /**
     * The S2MM channel (stream to memory; PYNQ's {@code recvchannel}), started on the first call.
     *
     * @throws HardwareTimeoutException if it does not leave Halted when first started
     * @throws IllegalStateException if the DMA has no S2MM channel (C_INCLUDE_S2MM=0)
     */
    public DmaChannel recvChannel() {
        if (recv == null) {
            throw new IllegalStateException(name() + " has no S2MM channel (C_INCLUDE_S2MM=0)");
        }
        recv.startOnce();
        return recv;
    }

    /**
     * The largest transfer in bytes, {@code 2^C_SG_LENGTH_WIDTH - 1} (PYNQ's {@code buffer_max_size});
     * a micro DMA's channels allow less ({@link DmaChannel#maxTransferBytes()}).
     */
    public long bufferMaxSize() {
        return bufferMaxSize;
    }

    /** {@code C_SG_LENGTH_WIDTH}, the LENGTH register's width in bits. */
    public int lengthWidthBits() {
        return lengthWidthBits;
    }

    /**
     * Soft-resets the whole core (DMACR.Reset, PG021: resets both channels and aborts any
     * transfer), then starts the channels again.
     *
     * @throws HardwareTimeoutException if the reset does not complete in 1 s
     */
    public synchronized void reset() {
        int dmacr = send != null ? 0 : AxiDmaLayout.S2MM_OFFSET;
        mmio().write32(dmacr, AxiDmaLayout.DMACR_RESET);
        Deadline d = Deadline.after(Duration.ofSeconds(1));
        while ((mmio().read32(dmacr) & AxiDmaLayout.DMACR_RESET) != 0) {
            if (d.expired()) {
                DmaChannel ch = send != null ? send : recv;
                throw new HardwareTimeoutException(name() + " reset did not complete in PT1S: DMACR.Reset still reads 1, "
                        + ch.decoded(), Duration.ofSeconds(1), ch.registers());
            }
            d.pause(name() + " reset");
        }
        if (send != null) {
            send.afterReset();
        }
        if (recv != null) {
            recv.afterReset();
        }
    }

    /** One line, e.g. {@code AxiDma[axi_dma_0 @ 0x40400000, MM2S idle, S2MM idle]}. */
    @Override
    public String toString() {
        return "AxiDma[" + name() + " @ 0x" + Long.toHexString(physicalAddress())
                + (send == null ? "" : ", MM2S " + send.state()) + (recv == null ? "" : ", S2MM " + recv.state()) + "]";
    }
}
