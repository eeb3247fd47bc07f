package io.jynq.ip;

/**
 * Register layout of the AXI Interrupt Controller, from the <em>AXI Interrupt Controller (INTC)
 * LogiCORE IP Product Guide</em>, PG099 v4.1, "Register Space" (table "Register Address Map").
 * Every register has one bit per interrupt input, bit {@code i} for input {@code intr[i]}.
 *
 * <p>Offsets in bytes from the IP's base address.
 */
public final class AxiIntcLayout {
    private AxiIntcLayout() {}

    /** VLNV of the IP this layout describes. */
    public static final String VLNV = "xilinx.com:ip:axi_intc:4.1";

    /** Interrupt status (PG099 "ISR", 0x00): captured inputs; writable only while MER.HIE = 0 (software interrupts). */
    public static final int ISR = 0x00;
    /** Interrupt pending (PG099 "IPR", 0x04, read-only): ISR AND IER. */
    public static final int IPR = 0x04;
    /** Interrupt enable (PG099 "IER", 0x08). */
    public static final int IER = 0x08;
    /** Interrupt acknowledge (PG099 "IAR", 0x0C, write-only): writing 1 clears the ISR bit. */
    public static final int IAR = 0x0C;
    /** Set interrupt enables (PG099 "SIE", 0x10, write-only): writing 1 sets the IER bit. */
    public static final int SIE = 0x10;
    /** Clear interrupt enables (PG099 "CIE", 0x14, write-only): writing 1 clears the IER bit. */
    public static final int CIE = 0x14;
    /** Interrupt vector (PG099 "IVR", 0x18, read-only): lowest active enabled input, all ones when none. */
    public static final int IVR = 0x18;
    /** Master enable (PG099 "MER", 0x1C): bit 0 ME, bit 1 HIE (write-once). */
    public static final int MER = 0x1C;
    /** Interrupt mode (PG099 "IMR", 0x20): 1 = fast interrupt mode for that input. */
    public static final int IMR = 0x20;
    /** Interrupt level (PG099 "ILR", 0x24): nesting threshold. */
    public static final int ILR = 0x24;
    /** Interrupt vector address registers (PG099 "IVAR", 0x100 + 4·i). */
    public static final int IVAR_BASE = 0x100;

    /** MER bit 0: master enable of the {@code irq} output. */
    public static final int MER_ME = 1;
    /** MER bit 1: hardware interrupt enable; once set only a reset clears it. */
    public static final int MER_HIE = 1 << 1;
    /** IVR value when no enabled interrupt is active. */
    public static final int IVR_NONE = 0xFFFF_FFFF;
    /** ILR reset value: all levels allowed. */
    public static final int ILR_RESET_VALUE = 0xFFFF_FFFF;
}
