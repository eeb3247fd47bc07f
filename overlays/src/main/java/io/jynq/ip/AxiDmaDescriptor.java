package io.jynq.ip;

/**
 * Layout of one AXI DMA scatter-gather descriptor in memory, from the <em>AXI DMA LogiCORE IP
 * Product Guide</em>, PG021 v7.1, "Scatter Gather Descriptor" (table "Descriptor Fields
 * (Non-multichannel Mode)") and the field tables that follow it ("MM2S_CONTROL", "MM2S_STATUS",
 * "S2MM_CONTROL", "S2MM_STATUS"). Shared by the scatter-gather driver, which writes descriptors,
 * and the simulator's model, which reads them and writes their status back.
 *
 * <p>Offsets are in bytes from the descriptor's first word. A descriptor must start on a 16-word
 * (64-byte) boundary ({@link #ALIGNMENT}); PYNQ's driver gives each one a 64-byte slot
 * ({@link #STRIDE}). The channel's CURDESC/TAILDESC registers ({@link AxiDmaLayout#CURDESC},
 * {@link AxiDmaLayout#TAILDESC}) hold descriptor addresses; writing TAILDESC while the channel
 * runs starts fetching (PG021 "MM2S_TAILDESC").
 */
public final class AxiDmaDescriptor {
    private AxiDmaDescriptor() {}

    /** NXTDESC: the next descriptor's address, low 32 bits; bits 5:0 reserved (PG021 "NXTDESC"). */
    public static final int NXTDESC = 0x00;
    /** NXTDESC_MSB: the next descriptor's address, high 32 bits when the address width exceeds 32. */
    public static final int NXTDESC_MSB = 0x04;
    /** BUFFER_ADDRESS: the data buffer, low 32 bits; aligned to the data width without DRE. */
    public static final int BUFFER_ADDRESS = 0x08;
    /** BUFFER_ADDRESS_MSB: the data buffer, high 32 bits when the address width exceeds 32. */
    public static final int BUFFER_ADDRESS_MSB = 0x0C;
    /** CONTROL: buffer length and, on MM2S, start/end of frame (PG021 "MM2S_CONTROL", "S2MM_CONTROL"). */
    public static final int CONTROL = 0x18;
    /** STATUS: written back by the DMA when it is done with the descriptor (PG021 "MM2S_STATUS", "S2MM_STATUS"). */
    public static final int STATUS = 0x1C;
    /** APP0..APP4 (0x20..0x30): user application words, used with the status/control stream only. */
    public static final int APP0 = 0x20;
    /** Bytes the DMA reads of a descriptor: 8 base words and 5 application words. */
    public static final int BYTES = 0x34;
    /** Required alignment of a descriptor's address: 16 words. */
    public static final int ALIGNMENT = 0x40;
    /** Distance between descriptors in PYNQ's chain: one aligned slot of 16 words each. */
    public static final int STRIDE = 0x40;

    /** CONTROL / STATUS bits 25:0: buffer length, or bytes transferred (up to 2^26 - 1). */
    public static final int LENGTH_MASK = 0x03FF_FFFF;
    /** MM2S CONTROL bit 26: TXEOF, the buffer ends the packet (TLAST on its last byte). */
    public static final int CONTROL_TXEOF = 1 << 26;
    /** MM2S CONTROL bit 27: TXSOF, the buffer starts a packet. */
    public static final int CONTROL_TXSOF = 1 << 27;
    /** S2MM STATUS bit 26: RXEOF, the buffer holds the end of a packet. */
    public static final int STATUS_RXEOF = 1 << 26;
    /** S2MM STATUS bit 27: RXSOF, the buffer holds the start of a packet. */
    public static final int STATUS_RXSOF = 1 << 27;
    /** STATUS bit 28: DMA internal error with this descriptor. */
    public static final int STATUS_DMA_INT_ERR = 1 << 28;
    /** STATUS bit 29: DMA slave error with this descriptor's buffer. */
    public static final int STATUS_DMA_SLV_ERR = 1 << 29;
    /** STATUS bit 30: DMA decode error (no memory at this descriptor's buffer). */
    public static final int STATUS_DMA_DEC_ERR = 1 << 30;
    /**
     * STATUS bit 31: Cmplt, the DMA is done with the descriptor. Fetching a descriptor with Cmplt
     * set is an SGIntErr (a stale descriptor), except in cyclic mode, which ignores the bit.
     */
    public static final int STATUS_CMPLT = 1 << 31;
    /** STATUS bits 30:28: the three error bits. */
    public static final int STATUS_ERROR_MASK = STATUS_DMA_INT_ERR | STATUS_DMA_SLV_ERR | STATUS_DMA_DEC_ERR;

    /**
     * Decodes a STATUS word for messages, e.g. {@code "Cmplt, 64 bytes"} or
     * {@code "DMADecErr, 0 bytes"}.
     *
     * @param status the raw word
     */
    public static String describeStatus(int status) {
        StringBuilder s = new StringBuilder();
        if ((status & STATUS_CMPLT) != 0) {
            s.append("Cmplt, ");
        }
        if ((status & STATUS_DMA_INT_ERR) != 0) {
            s.append("DMAIntErr, ");
        }
        if ((status & STATUS_DMA_SLV_ERR) != 0) {
            s.append("DMASlvErr, ");
        }
        if ((status & STATUS_DMA_DEC_ERR) != 0) {
            s.append("DMADecErr, ");
        }
        return s.append(status & LENGTH_MASK).append(" bytes").toString();
    }
}
