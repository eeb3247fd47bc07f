package io.jynq.device.sim.model;

import static io.jynq.ip.AxiDmaLayout.S2MM_OFFSET;

/**
 * The AXI DMA in direct register (simple) mode, as the <em>AXI DMA LogiCORE IP Product
 * Guide</em>, PG021 v7.1, describes it in "Direct Register Mode Register Address Map" and the
 * sections on MM2S_DMACR/S2MM_DMACR, MM2S_DMASR/S2MM_DMASR, MM2S_SA, S2MM_DA and the LENGTH
 * registers. Each channel is a {@link DmaChannelModel}:
 * <ul>
 *   <li>reset: DMACR = 0x00010002 (IRQThreshold 1, reserved bit 1), DMASR = Halted; DMACR.Reset
 *       resets both channels and clears itself;
 *   <li>RS = 1 clears Halted; Idle stays 0 until a transfer completes;
 *   <li>a non-zero LENGTH write while running starts a transfer: MM2S reads memory and sends one
 *       packet (TLAST on its last byte) on {@code M_AXIS_MM2S}; S2MM writes what arrives on
 *       {@code S_AXIS_S2MM} until TLAST and then LENGTH reads the bytes received;
 *   <li>completion sets Idle and IOC_Irq; IOC_Irq, Dly_Irq and Err_Irq are write-1-to-clear; the
 *       channel's interrupt output ({@code mm2s_introut}, {@code s2mm_introut}) is high while an
 *       enabled IRQ bit is set;
 *   <li>errors set DMAIntErr (a packet longer than the S2MM buffer; on a micro DMA, a LENGTH over
 *       one burst, data width / 8 x {@code C_<dir>_BURST_SIZE}, which PG021 "Micro DMA" leaves
 *       undefined), DMADecErr (an address where no memory answers) with Err_Irq, halt the channel
 *       and clear RS; only a reset clears them.
 * </ul>
 * With {@code C_INCLUDE_SG=1} each channel runs descriptor chains instead ({@link DmaSgEngine}):
 * DMASR.SGIncld is set, the ADDR and LENGTH registers do nothing, and TAILDESC starts the work;
 * the model is then {@link #clocked() clocked}, for the interrupt delay timer (Dly_Irq).
 * An MM2S whose stream is not connected, or an S2MM that receives nothing, stays busy (neither
 * idle nor halted) so that a driver's wait runs into its timeout, as on the board.
 */
public class AxiDmaModel implements IpModel {
    private final DmaChannelModel mm2s;
    private final DmaChannelModel s2mm;
    private final boolean sg;

    /** @param ctx the IP's context */
    public AxiDmaModel(IpContext ctx) {
        int lengthBits = (int) ctx.parameterLong("c_sg_length_width", io.jynq.ip.AxiDmaLayout.DEFAULT_LENGTH_WIDTH_BITS);
        sg = ctx.parameterLong("c_include_sg", 0) == 1;
        boolean micro = ctx.parameterLong("c_micro_dma", 0) == 1;
        mm2s = new DmaChannelModel(ctx, 0, true, lengthBits, sg, micro ? burstBytes(ctx, "mm2s") : 0);
        s2mm = new DmaChannelModel(ctx, S2MM_OFFSET, false, lengthBits, sg, micro ? burstBytes(ctx, "s2mm") : 0);
    }

    /** One burst of a channel in bytes: memory-map data width / 8 x burst size (PG021 "Micro DMA"). */
    private static int burstBytes(IpContext ctx, String dir) {
        long width = ctx.parameterLong("c_m_axi_" + dir + "_data_width", 32);
        long burst = ctx.parameterLong("c_" + dir + "_burst_size", 16);
        return (int) Math.max(1, width / 8 * burst);
    }

    /** Scatter-gather channels count time for their interrupt delay timer ({@link DmaDelayTimer}). */
    @Override
    public boolean clocked() {
        return sg;
    }

    @Override
    public void advance(long cycles) {
        mm2s.advance(cycles);
        s2mm.advance(cycles);
    }

    @Override
    public void reset() {
        mm2s.reset();
        s2mm.reset();
    }

    @Override
    public int read(int off) {
        return channel(off).read(off);
    }

    @Override
    public void write(int off, int value, int strobe) {
        DmaChannelModel ch = channel(off);
        if (ch.writeControl(off, value, strobe)) {
            // DMACR.Reset resets the whole core, both channels (PG021 DMACR "Reset").
            mm2s.reset();
            s2mm.reset();
            return;
        }
        ch.write(off, value, strobe);
    }

    private DmaChannelModel channel(int off) {
        return off >= S2MM_OFFSET ? s2mm : mm2s;
    }

    @Override
    public void streamArrived(String slaveInterface) {
        if ("S_AXIS_S2MM".equalsIgnoreCase(slaveInterface)) {
            s2mm.receive();
        }
    }

    @Override
    public int streamAccept(String slaveInterface, java.nio.ByteBuffer data, boolean last) {
        return "S_AXIS_S2MM".equalsIgnoreCase(slaveInterface) ? s2mm.accept(data, last) : 0;
    }

    /** An armed S2MM drains the bytes left in its buffer (see {@link IpModel#streamDrain}). */
    @Override
    public long streamDrain(String slaveInterface) {
        return "S_AXIS_S2MM".equalsIgnoreCase(slaveInterface) ? s2mm.bytesLeft() : 0;
    }

    /** Bytes moved by the last completed transfer of a channel (for tests). */
    public long lastTransferBytes(boolean mm2sChannel) {
        return (mm2sChannel ? mm2s : s2mm).lastTransferBytes();
    }
}
