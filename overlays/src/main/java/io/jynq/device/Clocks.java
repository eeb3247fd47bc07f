package io.jynq.device;

/**
 * The PS clocks of the active board (PYNQ's {@code pynq.Clocks}): the CPU clock and the four PL
 * clocks fclk0..fclk3, in MHz.
 * <pre>{@code
 * Clocks.cpuMhz();              // PYNQ: Clocks.cpu_mhz          (650.0 on a PYNQ-Z1)
 * Clocks.fclkMhz(1);            // PYNQ: Clocks.fclk1_mhz        (142.857143 with divisors 7 and 1)
 * Clocks.setFclkMhz(0, 50);     // PYNQ: Clocks.fclk0_mhz = 50
 * Clocks.setFclkDivisors(0, 10, 2);   // PYNQ: Clocks.set_pl_clk(0, 10, 2)
 * }</pre>
 * A frequency is the source PLL divided by two 6-bit divisors, computed as PYNQ does (rounded to
 * 6 decimals, not Vivado's rounded {@code ACT} value); an unreachable request is set to the closest
 * reachable frequency with a warning, as PYNQ does. Loading an overlay sets the clocks its
 * {@code .hwh} asks for ({@code Overlay.download}, the one place that programs a design's clocks).
 */
public final class Clocks {
    private Clocks() {}

    /**
     * The CPU clock in MHz.
     *
     * @throws UnsupportedOperationException if the backend does not know it
     */
    public static double cpuMhz() {
        return Device.active().cpuMhz();
    }

    /**
     * PL clock {@code index} in MHz (0 if it is not configured).
     *
     * @throws IndexOutOfBoundsException if {@code index} is not 0..3
     */
    public static double fclkMhz(int index) {
        return Device.active().fclkMhz(index);
    }

    /**
     * Sets PL clock {@code index} to the closest frequency to {@code mhz} it can reach; see
     * {@link Device#setFclkMhz}.
     *
     * @throws IndexOutOfBoundsException if {@code index} is not 0..3
     * @throws IllegalArgumentException if {@code mhz} is not positive or above the source PLL
     */
    public static void setFclkMhz(int index, double mhz) {
        Device.active().setFclkMhz(index, mhz);
    }

    /**
     * Sets PL clock {@code index} by its two divisors; see {@link Device#setFclkDivisors}.
     *
     * @throws IllegalArgumentException if a divisor is not 1..63
     */
    public static void setFclkDivisors(int index, int divisor0, int divisor1) {
        Device.active().setFclkDivisors(index, divisor0, divisor1);
    }
}
