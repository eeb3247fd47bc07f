package io.jynq.metadata;

/**
 * A PL clock driven by the PS (PYNQ's {@code clock_dict} entry), from the PS parameters: Zynq
 * {@code PCW_FCLK<i>_PERIPHERAL_DIVISOR0/1}, {@code PCW_FPGA_FCLK<i>_ENABLE},
 * {@code PCW_ACT_FPGA<i>_PERIPHERAL_FREQMHZ}; ZynqMP
 * {@code PSU__CRL_APB__PL<i>_REF_CTRL__DIVISOR0/1}, {@code PSU__FPGA_PL<i>_ENABLE},
 * {@code PSU__CRL_APB__PL<i>_REF_CTRL__ACT_FREQMHZ}.
 *
 * @param index 0..3 (fclk0..fclk3 / pl_clk0..pl_clk3)
 * @param enabled whether the PS enables it
 * @param divisor0 first divisor
 * @param divisor1 second divisor
 * @param frequencyMhz the actual frequency in MHz the PS parameters state, or null if absent
 */
public record ClockInfo(int index, boolean enabled, int divisor0, int divisor1, Double frequencyMhz) {}
