package io.jynq.ip;

/**
 * Register layout of the AXI DMA in direct register (simple) mode, from the <em>AXI DMA LogiCORE
 * IP Product Guide</em>, PG021 v7.1, "Direct Register Mode Register Address Map" and the register
 * sections it lists ("MM2S_DMACR (MM2S DMA Control Register – Offset 00h)" and so on).
 *
 * <p>Offsets are in bytes from the IP's base address; the S2MM registers sit {@link #S2MM_OFFSET}
 * (0x30) above their MM2S twins, so a channel driver adds its channel base to the
 * {@code DMACR}/{@code DMASR}/{@code ADDR}/{@code LENGTH} offsets below. Field constants are
 * bit masks within the 32-bit register.
 */
public final class AxiDmaLayout {
    private AxiDmaLayout() {}

    /** VLNV of the IP this layout describes. */
    public static final String VLNV = "xilinx.com:ip:axi_dma:7.1";

    /** Byte offset of the S2MM channel's registers relative to the MM2S ones. */
    public static final int S2MM_OFFSET = 0x30;

    /** MM2S DMA control register (PG021 "MM2S_DMACR – Offset 00h"). */
    public static final int MM2S_DMACR = 0x00;
    /** MM2S DMA status register (PG021 "MM2S_DMASR – Offset 04h"). */
    public static final int MM2S_DMASR = 0x04;
    /** MM2S current descriptor pointer, scatter-gather only (PG021 "MM2S_CURDESC – Offset 08h"). */
    public static final int MM2S_CURDESC = 0x08;
    /** MM2S tail descriptor pointer, scatter-gather only (PG021 "MM2S_TAILDESC – Offset 10h"). */
    public static final int MM2S_TAILDESC = 0x10;
    /** MM2S source address, low 32 bits (PG021 "MM2S_SA – Offset 18h"). */
    public static final int MM2S_SA = 0x18;
    /** MM2S source address, high 32 bits when the address width exceeds 32 (PG021 "MM2S_SA_MSB – Offset 1Ch"). */
    public static final int MM2S_SA_MSB = 0x1C;
    /** MM2S transfer length in bytes; writing it starts the transfer (PG021 "MM2S_LENGTH – Offset 28h"). */
    public static final int MM2S_LENGTH = 0x28;
    /** Scatter-gather user and cache control (PG021 "SG_CTL – Offset 2Ch"). */
    public static final int SG_CTL = 0x2C;
    /** S2MM DMA control register (PG021 "S2MM_DMACR – Offset 30h"). */
    public static final int S2MM_DMACR = 0x30;
    /** S2MM DMA status register (PG021 "S2MM_DMASR – Offset 34h"). */
    public static final int S2MM_DMASR = 0x34;
    /** S2MM current descriptor pointer, scatter-gather only (PG021 "S2MM_CURDESC – Offset 38h"). */
    public static final int S2MM_CURDESC = 0x38;
    /** S2MM tail descriptor pointer, scatter-gather only (PG021 "S2MM_TAILDESC – Offset 40h"). */
    public static final int S2MM_TAILDESC = 0x40;
    /** S2MM destination address, low 32 bits (PG021 "S2MM_DA – Offset 48h"). */
    public static final int S2MM_DA = 0x48;
    /** S2MM destination address, high 32 bits (PG021 "S2MM_DA_MSB – Offset 4Ch"). */
    public static final int S2MM_DA_MSB = 0x4C;
    /**
     * S2MM buffer length in bytes; writing a non-zero value arms the channel, and on completion it
     * reads back the bytes actually received (PG021 "S2MM_LENGTH – Offset 58h").
     */
    public static final int S2MM_LENGTH = 0x58;

    /** Channel-relative offsets (add 0 for MM2S, {@link #S2MM_OFFSET} for S2MM). */
    public static final int DMACR = 0x00;
    /** Channel-relative DMASR. */
    public static final int DMASR = 0x04;
    /** Channel-relative current descriptor pointer, low 32 bits (scatter-gather). */
    public static final int CURDESC = 0x08;
    /** Channel-relative current descriptor pointer, high 32 bits. */
    public static final int CURDESC_MSB = 0x0C;
    /** Channel-relative tail descriptor pointer, low 32 bits (scatter-gather). */
    public static final int TAILDESC = 0x10;
    /** Channel-relative tail descriptor pointer, high 32 bits. */
    public static final int TAILDESC_MSB = 0x14;
    /** Channel-relative address register (MM2S_SA or S2MM_DA). */
    public static final int ADDR = 0x18;
    /** Channel-relative high address register. */
    public static final int ADDR_MSB = 0x1C;
    /** Channel-relative LENGTH. */
    public static final int LENGTH = 0x28;
    /** Bytes of one channel's register block: the MM2S block ends where S2MM's begins. */
    public static final int CHANNEL_BYTES = S2MM_OFFSET;

    // DMACR fields (PG021 "MM2S_DMACR" / "S2MM_DMACR" register details)
    /** DMACR bit 0: Run/Stop. */
    public static final int DMACR_RS = 1;
    /** DMACR bit 1: reserved, always reads as 1. */
    public static final int DMACR_RESERVED_ONE = 1 << 1;
    /** DMACR bit 2: soft reset of the whole core, self-clearing. */
    public static final int DMACR_RESET = 1 << 2;
    /** DMACR bit 3: keyhole read/write. */
    public static final int DMACR_KEYHOLE = 1 << 3;
    /** DMACR bit 4: cyclic BD enable (scatter-gather). */
    public static final int DMACR_CYCLIC_BD_ENABLE = 1 << 4;
    /** DMACR bit 12: interrupt on complete enable. */
    public static final int DMACR_IOC_IRQ_EN = 1 << 12;
    /** DMACR bit 13: delay timer interrupt enable. */
    public static final int DMACR_DLY_IRQ_EN = 1 << 13;
    /** DMACR bit 14: error interrupt enable. */
    public static final int DMACR_ERR_IRQ_EN = 1 << 14;
    /** DMACR bits 23:16: interrupt threshold. */
    public static final int DMACR_IRQ_THRESHOLD = 0xFF << 16;
    /** DMACR bits 31:24: interrupt delay timeout. */
    public static final int DMACR_IRQ_DELAY = 0xFF << 24;
    /** DMACR reset value: IRQThreshold = 1 and the reserved bit 1 (PG021 register details). */
    public static final int DMACR_RESET_VALUE = 0x0001_0002;

    // DMASR fields (PG021 "MM2S_DMASR" / "S2MM_DMASR" register details)
    /** DMASR bit 0: channel halted (RS = 0 and operations stopped, or stopped by an error). */
    public static final int DMASR_HALTED = 1;
    /** DMASR bit 1: idle; in direct register mode, the last transfer has completed. */
    public static final int DMASR_IDLE = 1 << 1;
    /** DMASR bit 3: scatter-gather included in the core. */
    public static final int DMASR_SG_INCLD = 1 << 3;
    /** DMASR bit 4: DMA internal error (e.g. a zero length, or a packet longer than the S2MM buffer). */
    public static final int DMASR_DMA_INT_ERR = 1 << 4;
    /** DMASR bit 5: DMA slave error (the memory answered SLVERR). */
    public static final int DMASR_DMA_SLV_ERR = 1 << 5;
    /** DMASR bit 6: DMA decode error (an address with no slave behind it). */
    public static final int DMASR_DMA_DEC_ERR = 1 << 6;
    /** DMASR bit 8: scatter-gather internal error. */
    public static final int DMASR_SG_INT_ERR = 1 << 8;
    /** DMASR bit 9: scatter-gather slave error. */
    public static final int DMASR_SG_SLV_ERR = 1 << 9;
    /** DMASR bit 10: scatter-gather decode error. */
    public static final int DMASR_SG_DEC_ERR = 1 << 10;
    /** DMASR bit 12: interrupt on complete; write 1 to clear. */
    public static final int DMASR_IOC_IRQ = 1 << 12;
    /** DMASR bit 13: delay interrupt; write 1 to clear. */
    public static final int DMASR_DLY_IRQ = 1 << 13;
    /** DMASR bit 14: error interrupt; write 1 to clear. */
    public static final int DMASR_ERR_IRQ = 1 << 14;
    /** The write-1-to-clear interrupt bits of DMASR (14:12). */
    public static final int DMASR_IRQ_MASK = DMASR_IOC_IRQ | DMASR_DLY_IRQ | DMASR_ERR_IRQ;
    /** The three DMA error bits (6:4) that PYNQ checks after every transfer. */
    public static final int DMASR_ERROR_MASK = DMASR_DMA_INT_ERR | DMASR_DMA_SLV_ERR | DMASR_DMA_DEC_ERR;
    /** The three scatter-gather error bits (10:8) that PYNQ's SG channel also checks. */
    public static final int DMASR_SG_ERROR_MASK = DMASR_SG_INT_ERR | DMASR_SG_SLV_ERR | DMASR_SG_DEC_ERR;
    /** DMASR bits 23:16: interrupt threshold status. */
    public static final int DMASR_IRQ_THRESHOLD_STS = 0xFF << 16;
    /** DMASR bits 31:24: interrupt delay time status, the delay timer's ticks so far (scatter-gather only). */
    public static final int DMASR_IRQ_DELAY_STS = 0xFF << 24;
    /** DMASR reset value: Halted. */
    public static final int DMASR_RESET_VALUE = DMASR_HALTED;

    /** LENGTH field width when {@code c_sg_length_width} is absent (PG021: 8..26 bits, default 14 in the GUI, 26 in PYNQ). */
    public static final int DEFAULT_LENGTH_WIDTH_BITS = 26;

    /**
     * Decodes a DMASR value for messages, e.g. {@code "halted, idle, DMADecErr"}.
     *
     * @param dmasr the raw register value
     */
    public static String describeDmasr(int dmasr) {
        StringBuilder s = new StringBuilder();
        s.append((dmasr & DMASR_HALTED) != 0 ? "halted" : "running");
        s.append((dmasr & DMASR_IDLE) != 0 ? ", idle" : ", not idle");
        append(s, dmasr, DMASR_DMA_INT_ERR, "DMAIntErr");
        append(s, dmasr, DMASR_DMA_SLV_ERR, "DMASlvErr");
        append(s, dmasr, DMASR_DMA_DEC_ERR, "DMADecErr");
        append(s, dmasr, DMASR_SG_INT_ERR, "SGIntErr");
        append(s, dmasr, DMASR_SG_SLV_ERR, "SGSlvErr");
        append(s, dmasr, DMASR_SG_DEC_ERR, "SGDecErr");
        append(s, dmasr, DMASR_IOC_IRQ, "IOC_Irq");
        append(s, dmasr, DMASR_DLY_IRQ, "Dly_Irq");
        append(s, dmasr, DMASR_ERR_IRQ, "Err_Irq");
        if ((dmasr & DMASR_ERROR_MASK) == 0) {
            s.append(", no error");
        }
        return s.toString();
    }

    private static void append(StringBuilder s, int value, int mask, String name) {
        if ((value & mask) != 0) {
            s.append(", ").append(name);
        }
    }
}
