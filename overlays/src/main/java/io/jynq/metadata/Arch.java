package io.jynq.metadata;

/**
 * The processing-system family an overlay was built for, read from the {@code .hwh}'s own
 * {@code SYSTEMINFO ARCH} (never from the host running JYNQ). It selects the PS module type,
 * the interrupt pins with their raw IRQ numbers, the GPIO pin and the clock parameters.
 */
public enum Arch {
    /** Zynq-7000 ({@code ARCH="zynq"}), PS {@code processing_system7}, PL interrupts on IRQ_F2P. */
    ZYNQ("zynq", "processing_system7"),
    /** Zynq UltraScale+ MPSoC ({@code ARCH="zynquplus"}), PS {@code zynq_ultra_ps_e}, pl_ps_irq0/1. */
    ZYNQ_ULTRASCALE("zynquplus", "zynq_ultra_ps_e");

    private final String hwhName;
    private final String psModType;

    Arch(String hwhName, String psModType) {
        this.hwhName = hwhName;
        this.psModType = psModType;
    }

    /** The {@code ARCH} attribute value, e.g. {@code zynquplus}. */
    public String hwhName() {
        return hwhName;
    }

    /** The {@code MODTYPE} of this family's processing system module. */
    public String psModType() {
        return psModType;
    }

    /** The constant for an {@code ARCH} value, or null if unknown. */
    public static Arch fromHwh(String text) {
        for (Arch a : values()) {
            if (a.hwhName.equals(text)) {
                return a;
            }
        }
        return null;
    }
}
