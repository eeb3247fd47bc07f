package io.jynq.ip;

/**
 * Register layout of the AXI BRAM Controller, from the <em>AXI Block RAM (BRAM) Controller
 * LogiCORE IP Product Guide</em>, PG078 v4.1, "Register Space". The memory itself is a MEMORY
 * range read and written byte for byte; these ECC registers exist only when
 * {@code C_ECC = 1} and sit in a separate control interface ({@code S_AXI_CTRL}).
 *
 * <p>Offsets in bytes from the control interface's base address.
 */
public final class AxiBramCtrlLayout {
    private AxiBramCtrlLayout() {}

    /** VLNV of the IP this layout describes. */
    public static final String VLNV = "xilinx.com:ip:axi_bram_ctrl:4.1";

    /** ECC status (PG078 "ECC_STATUS", 0x000): bit 0 UE_STATUS, bit 1 CE_STATUS, write 1 to clear. */
    public static final int ECC_STATUS = 0x000;
    /** ECC interrupt enable (PG078 "ECC_EN_IRQ", 0x004). */
    public static final int ECC_EN_IRQ = 0x004;
    /** ECC on/off (PG078 "ECC_ON_OFF", 0x008). */
    public static final int ECC_ON_OFF = 0x008;
    /** Correctable error count (PG078 "CE_CNT", 0x00C). */
    public static final int CE_CNT = 0x00C;
    /** Correctable error first failing address (PG078 "CE_FFA[31:0]", 0x1C0). */
    public static final int CE_FFA0 = 0x1C0;
    /** Fault-injection data (PG078 "FI_D0", 0x300, write-only). */
    public static final int FI_D0 = 0x300;
    /** Fault-injection ECC (PG078 "FI_ECC", 0x380, write-only). */
    public static final int FI_ECC = 0x380;
}
