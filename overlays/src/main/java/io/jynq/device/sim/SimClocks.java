package io.jynq.device.sim;

import io.jynq.device.ClockDivisors;
import io.jynq.metadata.Arch;
import io.jynq.metadata.ClockInfo;
import io.jynq.metadata.IpDescription;
import io.jynq.metadata.OverlayMetadata;
import java.util.Locale;
import java.util.Objects;

/**
 * The PS clock generator of the simulated board, as PYNQ's {@code pynq/ps.py} reads a real one: each
 * PL clock (fclk0..3) is its source PLL divided by DIVISOR0 × DIVISOR1, the CPU clock its PLL
 * divided by the CPU divisor, all rounded to 6 decimals (1 Hz) as PYNQ computes them, so FCLK1 of a
 * 1000 MHz IO PLL with divisors 7 and 1 reads 142.857143, not Vivado's rounded {@code ACT} value.
 *
 * <p>The PLLs are what the board booted with: the loaded design's PS configuration (Zynq
 * {@code PCW_<pll>_CTRL_FBDIV} × the 50 MHz PS_CLK PYNQ assumes, sources {@code PCW_FCLK<i>_PERIPHERAL_CLKSRC},
 * {@code PCW_CPU_PERIPHERAL_CLKSRC}/{@code DIVISOR0}; ZynqMP {@code PSU__CRL_APB__<pll>_CTRL__FBDIV}
 * and {@code __DIV2} × 33.333 MHz, {@code PSU__CRL_APB__PL<i>_REF_CTRL__SRCSEL},
 * {@code PSU__CRF_APB__ACPU_CTRL__SRCSEL}/{@code DIVISOR0}); before any download a PYNQ-Z1's (IO PLL
 * 1000 MHz, CPU 650 MHz). The divisors are registers: only {@link #setDivisors} changes them
 * (and {@link #restore}, for a design another process downloaded); the design's own clocks are
 * programmed by {@code Overlay.download}, as on a board. Since {@code Overlay.download} sets the
 * clocks before programming (PYNQ's order) and the simulated PS takes a new family's PLLs while
 * programming, the first design of another family (a KV260 design after a PYNQ-Z1 one) has the
 * clocks it sets by frequency (a disabled clock's 100 MHz) divided from the previous PLLs until it
 * is downloaded again; the divisors it sets are right at once.
 */
final class SimClocks {
    private static final double ZYNQ_PS_CLK_MHZ = 50.0;
    private static final double ZYNQMP_REF_CLK_MHZ = 33.333;

    private final double[] sourceMhz = {1000, 1000, 1000, 1000};
    private final int[] div0 = {10, 10, 10, 10};
    private final int[] div1 = {1, 1, 1, 1};
    private double cpuMhz = 650;

    /**
     * PL clock {@code index} in MHz.
     *
     * @throws IndexOutOfBoundsException unless {@code 0 <= index < 4}
     */
    synchronized double get(int index) {
        Objects.checkIndex(index, 4);
        return ClockDivisors.frequencyMhz(sourceMhz[index], div0[index], div1[index]);
    }

    /** The PLL PL clock {@code index} divides, in MHz. */
    synchronized double source(int index) {
        Objects.checkIndex(index, 4);
        return sourceMhz[index];
    }

    synchronized double cpu() {
        return cpuMhz;
    }

    /**
     * Writes both divisors of clock {@code index}.
     *
     * @throws IndexOutOfBoundsException unless {@code 0 <= index < 4}
     * @throws IllegalArgumentException if a divisor is not 1..63 (6-bit fields, 0 stops the clock)
     */
    synchronized void setDivisors(int index, int d0, int d1) {
        Objects.checkIndex(index, 4);
        if (d0 < 1 || d0 > 63 || d1 < 1 || d1 > 63) {
            throw new IllegalArgumentException("PL clock divisors must be 1..63, got " + d0 + " and " + d1);
        }
        div0[index] = d0;
        div1[index] = d1;
    }

    /** Boots with {@code md}'s PS configuration: the PLLs that feed the PL clocks and the CPU. */
    synchronized void boot(OverlayMetadata md) {
        IpDescription ps = md.processingSystem() == null ? null : md.ipDict().get(md.processingSystem());
        if (ps == null) {
            return; // a partial design has no PS: the board keeps its clocks
        }
        boolean zynq = md.arch() == Arch.ZYNQ;
        for (int i = 0; i < 4; i++) {
            String src = zynq ? ps.parameter("PCW_FCLK" + i + "_PERIPHERAL_CLKSRC")
                    : ps.parameter("PSU__CRL_APB__PL" + i + "_REF_CTRL__SRCSEL");
            sourceMhz[i] = zynq ? zynqPll(ps, src, "IO PLL") : zynqMpPll(ps, src, "IOPLL");
        }
        if (zynq) {
            cpuMhz = round6(zynqPll(ps, ps.parameter("PCW_CPU_PERIPHERAL_CLKSRC"), "ARM PLL")
                    / number(ps, "PCW_CPU_PERIPHERAL_DIVISOR0", 2));
        } else {
            cpuMhz = round6(zynqMpPll(ps, ps.parameter("PSU__CRF_APB__ACPU_CTRL__SRCSEL"), "APLL")
                    / number(ps, "PSU__CRF_APB__ACPU_CTRL__DIVISOR0", 1));
        }
    }

    /** Takes the divisors of a design another process downloaded (its registers as it left them). */
    synchronized void restore(OverlayMetadata md) {
        boot(md);
        for (ClockInfo c : md.clockDict().values()) {
            if (c.enabled() && c.index() >= 0 && c.index() < 4 && c.divisor0() >= 1 && c.divisor0() <= 63
                    && c.divisor1() >= 1 && c.divisor1() <= 63) {
                div0[c.index()] = c.divisor0();
                div1[c.index()] = c.divisor1();
            }
        }
    }

    /** Zynq: 50 MHz × PCW_{IO,ARM,DDR}PLL_CTRL_FBDIV of the PLL named "IO PLL", "ARM PLL" or "DDR PLL". */
    private static double zynqPll(IpDescription ps, String name, String fallback) {
        String n = (name == null ? fallback : name).toUpperCase(Locale.ROOT).replace(" ", "");
        String pll = n.startsWith("ARM") ? "ARMPLL" : n.startsWith("DDR") ? "DDRPLL" : "IOPLL";
        int defaultFbdiv = pll.equals("ARMPLL") ? 26 : pll.equals("DDRPLL") ? 32 : 20;
        return round6(ZYNQ_PS_CLK_MHZ * number(ps, "PCW_" + pll + "_CTRL_FBDIV", defaultFbdiv));
    }

    /** ZynqMP: 33.333 MHz × FBDIV / (DIV2 ? 2 : 1) of IOPLL, RPLL (CRL_APB) or APLL, DPLL, VPLL (CRF_APB). */
    private static double zynqMpPll(IpDescription ps, String name, String fallback) {
        String pll = (name == null ? fallback : name).toUpperCase(Locale.ROOT).strip();
        String block = pll.equals("IOPLL") || pll.equals("RPLL") ? "CRL_APB" : "CRF_APB";
        String key = "PSU__" + block + "__" + pll + "_CTRL__";
        double fbdiv = number(ps, key + "FBDIV", 90);
        double div2 = number(ps, key + "DIV2", 1) != 0 ? 2 : 1;
        return round6(ZYNQMP_REF_CLK_MHZ * fbdiv / div2);
    }

    private static double number(IpDescription ps, String name, double fallback) {
        String v = ps.parameter(name);
        try {
            return v == null ? fallback : Double.parseDouble(v.strip());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static double round6(double mhz) {
        return Math.round(mhz * 1e6) / 1e6;
    }
}
