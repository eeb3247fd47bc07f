package io.jynq.metadata;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * PYNQ's clock_dict: the four PS-driven PL clocks, read from the PS module's parameters.
 * Zynq-7000: {@code PCW_FPGA_FCLK<i>_ENABLE}, {@code PCW_FCLK<i>_PERIPHERAL_DIVISOR0/1},
 * {@code PCW_ACT_FPGA<i>_PERIPHERAL_FREQMHZ}. ZynqMP: {@code PSU__FPGA_PL<i>_ENABLE},
 * {@code PSU__CRL_APB__PL<i>_REF_CTRL__DIVISOR0/1}, {@code PSU__CRL_APB__PL<i>_REF_CTRL__ACT_FREQMHZ}.
 */
final class ClockRules {
    private ClockRules() {}

    static Map<Integer, ClockInfo> clocks(Arch arch, ParsedHwh.Located ps, ParsedHwh p) {
        Map<Integer, ClockInfo> out = new LinkedHashMap<>();
        boolean zynq = arch == Arch.ZYNQ;
        for (int i = 0; i < 4; i++) {
            String n = Integer.toString(i);
            String enable = zynq ? "PCW_FPGA_FCLK".concat(n).concat("_ENABLE") : "PSU__FPGA_PL".concat(n).concat("_ENABLE");
            String div = zynq ? "PCW_FCLK".concat(n).concat("_PERIPHERAL_DIVISOR")
                    : "PSU__CRL_APB__PL".concat(n).concat("_REF_CTRL__DIVISOR");
            String freq = zynq ? "PCW_ACT_FPGA".concat(n).concat("_PERIPHERAL_FREQMHZ")
                    : "PSU__CRL_APB__PL".concat(n).concat("_REF_CTRL__ACT_FREQMHZ");
            int en = intParam(ps, enable, p);
            int d0 = intParam(ps, div.concat("0"), p);
            int d1 = intParam(ps, div.concat("1"), p);
            out.put(i, new ClockInfo(i, en != 0, d0, d1, mhz(ps.module().parameter(freq))));
        }
        return out;
    }

    /** Python's int(): optional sign and decimal digits, surrounding blanks allowed. */
    private static int intParam(ParsedHwh.Located ps, String name, ParsedHwh p) {
        String v = ps.module().parameter(name);
        if (v == null) {
            throw p.error(ps.offset(), "PS " + ps.module().fullpath() + " has no PARAMETER " + name
                    + "; expected it for clock_dict");
        }
        String t = v.strip();
        try {
            if (!t.isEmpty() && t.length() < 11) {
                return Integer.parseInt(t);
            }
        } catch (NumberFormatException e) {
            // reported below with the value
        }
        throw p.error(ps.offset(), "PS " + ps.module().fullpath() + " PARAMETER " + name + " = \""
                + Numbers.shorten(v) + "\"; expected a decimal integer");
    }

    private static Double mhz(String v) {
        if (v == null) {
            return null;
        }
        try {
            double d = Double.parseDouble(v.strip());
            return Double.isFinite(d) ? d : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
