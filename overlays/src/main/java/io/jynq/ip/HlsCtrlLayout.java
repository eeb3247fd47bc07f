package io.jynq.ip;

/**
 * Register layout of the AXI4-Lite control interface that Vitis HLS generates for a function
 * with the {@code ap_ctrl_hs} block-level protocol, from the <em>Vitis High-Level Synthesis User
 * Guide</em>, UG1399 (2023.2), "S_AXILITE Control Register Map" (and the address map comment HLS
 * writes into {@code x<name>_hw.h}). Argument registers start at {@link #ARGS_BASE}; their
 * offsets come from the {@code .hwh}, since HLS reserves a gap word after most arguments.
 *
 * <p>Offsets in bytes from the IP's base address.
 */
public final class HlsCtrlLayout {
    private HlsCtrlLayout() {}

    /** Control signals (UG1399 "CTRL", 0x00). */
    public static final int CTRL = 0x00;
    /** Global interrupt enable (UG1399 "GIER", 0x04): bit 0. */
    public static final int GIER = 0x04;
    /** IP interrupt enable (UG1399 "IP_IER", 0x08): bit 0 ap_done, bit 1 ap_ready. */
    public static final int IP_IER = 0x08;
    /** IP interrupt status (UG1399 "IP_ISR", 0x0C): bit 0 ap_done, bit 1 ap_ready; toggle-on-write. */
    public static final int IP_ISR = 0x0C;
    /** Offset of the first argument register. */
    public static final int ARGS_BASE = 0x10;

    /** CTRL bit 0: start; software writes 1, the IP clears it when it accepts the inputs (ap_ready). */
    public static final int AP_START = 1;
    /** CTRL bit 1: done; set when the function finishes, cleared when CTRL is read. */
    public static final int AP_DONE = 1 << 1;
    /** CTRL bit 2: idle, read-only. */
    public static final int AP_IDLE = 1 << 2;
    /** CTRL bit 3: ready for new inputs, read-only (cleared on read in newer HLS). */
    public static final int AP_READY = 1 << 3;
    /** CTRL bit 4: continue, ap_ctrl_chain only. */
    public static final int AP_CONTINUE = 1 << 4;
    /** CTRL bit 7: auto restart; the IP starts again after each completion while set. */
    public static final int AUTO_RESTART = 1 << 7;
    /** CTRL bit 9: interrupt, read-only: the IP's interrupt output. */
    public static final int INTERRUPT = 1 << 9;
    /** CTRL reset value: idle. */
    public static final int CTRL_RESET_VALUE = AP_IDLE;

    /** GIER bit 0: global interrupt enable. */
    public static final int GIER_ENABLE = 1;
    /** IP_IER/IP_ISR bit 0: ap_done. */
    public static final int ISR_AP_DONE = 1;
    /** IP_IER/IP_ISR bit 1: ap_ready. */
    public static final int ISR_AP_READY = 1 << 1;
}
