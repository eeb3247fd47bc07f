package io.jynq.device.embedded;

import io.jynq.device.DeviceException;
import io.jynq.device.RegisterSpace;

/**
 * Zynq UltraScale+ PL clocks in CRL_APB at 0xFF5E0000 (UG1087, CRL_APB module): PLn_REF_CTRL at
 * 0xC0 + 4·n with SRCSEL [2:0], DIVISOR0 [13:8], DIVISOR1 [21:16], CLKACT bit 24. The source PLL
 * (SRCSEL 0 IOPLL_CTRL at CRL 0x20, 2 RPLL_CTRL at CRL 0x30, 3 DPLL_CTRL at CRF_APB 0xFD1A002C)
 * runs at 33.333 MHz × FBDIV [14:8], halved when DIV2 (bit 16) is set; PRE_SRC [22:20] must be 0
 * (PS_REF_CLK), as PYNQ requires.
 */
final class ZynqMpClocks extends PlClocks {
    static final long CRL_APB_BASE = 0xFF5E_0000L;
    static final long CRF_APB_BASE = 0xFD1A_0000L;
    static final long SPAN = 0x100;
    static final double PS_REF_CLK_MHZ = 33.333;

    private final RegisterSpace crf;

    ZynqMpClocks(RegisterSpace crl, RegisterSpace crf) {
        super(crl);
        this.crf = crf;
    }

    @Override
    long controlOffset(int index) {
        return 0xC0 + 4L * index;
    }

    @Override
    int divisor1Shift() {
        return 16;
    }

    @Override
    int enableBits() {
        return 1 << 24;
    }

    @Override
    double sourceMhz(int controlValue) {
        int srcsel = controlValue & 0x7;
        int pll = switch (srcsel) {
            case 0 -> control.read32(0x20);
            case 2 -> control.read32(0x30);
            case 3 -> crf.read32(0x2C);
            default -> throw new DeviceException("PL clock source SRCSEL=" + srcsel + " is not a PLL JYNQ can read"
                    + " (0 IOPLL, 2 RPLL, 3 DPLL)");
        };
        return pllMhz(pll);
    }

    /** CRF_APB ACPU_CTRL (0x60): SRCSEL [2:0] picks APLL (0x20), DPLL (0x2C) or VPLL (0x38); DIVISOR0 [13:8]. */
    @Override
    public double cpuMhz() {
        int v = crf.read32(0x60);
        int srcsel = v & 0x7;
        int pll = switch (srcsel) {
            case 0 -> crf.read32(0x20);
            case 2 -> crf.read32(0x2C);
            case 3 -> crf.read32(0x38);
            default -> throw new DeviceException("CPU clock source SRCSEL=" + srcsel + " is not a PLL JYNQ can read"
                    + " (0 APLL, 2 DPLL, 3 VPLL)");
        };
        int div = (v >>> 8) & 0x3F;
        return div == 0 ? 0.0 : round6(pllMhz(pll) / div);
    }

    private static double pllMhz(int pll) {
        if (((pll >>> 20) & 0x7) != 0) {
            throw new DeviceException(String.format("PL clock source PLL has PRE_SRC=%d; only PS_REF_CLK (0) is supported",
                    (pll >>> 20) & 0x7));
        }
        int fbdiv = (pll >>> 8) & 0x7F;
        int div2 = ((pll >>> 16) & 1) != 0 ? 2 : 1;
        return round6(PS_REF_CLK_MHZ * fbdiv / div2);
    }
}
