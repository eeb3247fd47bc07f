package io.jynq.device.embedded;

import io.jynq.device.RegisterSpace;

/**
 * Zynq-7000 PL clocks in the SLCR at 0xF8000000 (UG585, appendix B.28 "System Level Control
 * Registers"): FPGAn_CLK_CTRL at 0x170 + 0x10·n with SRCSEL [5:4], DIVISOR0 [13:8], DIVISOR1
 * [25:20]; the source PLL (SRCSEL 0/1 IO PLL at 0x108, 2 ARM PLL at 0x100, 3 DDR PLL at 0x104)
 * runs at 50 MHz × PLL_FDIV [18:12], the PS_CLK PYNQ assumes. The CPU clock is ARM_CLK_CTRL's
 * (0x120) source PLL over its DIVISOR [13:8].
 */
final class ZynqClocks extends PlClocks {
    /** Physical address of the SLCR. */
    static final long SLCR_BASE = 0xF800_0000L;
    /** Bytes of the SLCR that are mapped. */
    static final long SLCR_SPAN = 0x200;
    static final double PS_CLK_MHZ = 50.0;
    private static final long[] PLL_CTRL = {0x108, 0x108, 0x100, 0x104};
    private static final long ARM_CLK_CTRL = 0x120;
    private static final long[] ARM_SRC_PLL = {0x100, 0x100, 0x104, 0x108};

    ZynqClocks(RegisterSpace slcr) {
        super(slcr);
    }

    @Override
    long controlOffset(int index) {
        return 0x170 + 0x10L * index;
    }

    @Override
    int divisor1Shift() {
        return 20;
    }

    @Override
    double sourceMhz(int controlValue) {
        int srcsel = (controlValue >>> 4) & 0x3;
        return pllMhz(PLL_CTRL[srcsel]);
    }

    private double pllMhz(long pllCtrl) {
        int fdiv = (control.read32(pllCtrl) >>> 12) & 0x7F;
        return round6(PS_CLK_MHZ * fdiv);
    }

    /** ARM_CLK_CTRL (0x120): SRCSEL [5:4] picks ARM, ARM, DDR or IO PLL; DIVISOR [13:8]. */
    @Override
    public double cpuMhz() {
        int v = control.read32(ARM_CLK_CTRL);
        int div = (v >>> 8) & 0x3F;
        return div == 0 ? 0.0 : round6(pllMhz(ARM_SRC_PLL[(v >>> 4) & 0x3]) / div);
    }
}
