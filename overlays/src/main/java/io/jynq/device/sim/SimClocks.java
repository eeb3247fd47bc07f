package io.jynq.device.sim;

import io.jynq.device.ClockDivisors;
import io.jynq.metadata.ClockInfo;
import io.jynq.metadata.OverlayMetadata;
import java.util.Objects;

/**
 * The four PL clocks (fclk0..3) of the simulated board, in MHz: 100 MHz each until a download
 * sets them from the design's {@code clock_dict}. A requested frequency becomes what a Zynq IO PLL
 * at 1000 MHz reaches through the two divisors 1..63 (DIVISOR0 and DIVISOR1) that PYNQ chooses
 * ({@link ClockDivisors}, the same choice and the same refusals as on a board), rounded to 1 Hz as
 * the board backend reports it. Not synchronised: a clock set on one thread may be seen late by
 * another, as with a plain field.
 */
final class SimClocks {
    private static final double IO_PLL_MHZ = 1000;
    private final double[] mhz = {100, 100, 100, 100};

    /**
     * @throws IndexOutOfBoundsException unless {@code 0 <= index < 4}
     */
    double get(int index) {
        Objects.checkIndex(index, 4);
        return mhz[index];
    }

    /**
     * Sets fclk{@code index} through the divisors PYNQ chooses for {@code requestedMhz}.
     *
     * @throws IndexOutOfBoundsException unless {@code 0 <= index < 4}
     * @throws IllegalArgumentException if {@code requestedMhz} is not positive, above the PLL, or
     *         more than 1% from every reachable frequency (the message names the closest)
     */
    void set(int index, double requestedMhz) {
        Objects.checkIndex(index, 4);
        int[] d = ClockDivisors.choose(IO_PLL_MHZ, requestedMhz);
        mhz[index] = ClockDivisors.frequencyMhz(IO_PLL_MHZ, d[0], d[1]);
    }

    /** Takes the design's clocks: its frequency, or IO PLL / DIVISOR0 / DIVISOR1; 0 for a disabled clock. */
    void load(OverlayMetadata md) {
        for (ClockInfo c : md.clockDict().values()) {
            if (c.index() >= 0 && c.index() < 4) {
                double f = c.frequencyMhz() != null ? c.frequencyMhz()
                        : IO_PLL_MHZ / Math.max(1, c.divisor0()) / Math.max(1, c.divisor1());
                mhz[c.index()] = c.enabled() ? f : 0;
            }
        }
    }
}
