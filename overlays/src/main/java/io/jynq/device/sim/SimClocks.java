package io.jynq.device.sim;

import io.jynq.metadata.ClockInfo;
import io.jynq.metadata.OverlayMetadata;
import java.util.Objects;

/**
 * The four PL clocks (fclk0..3) of the simulated board, in MHz: 100 MHz each until a download
 * sets them from the design's {@code clock_dict}. A requested frequency becomes the nearest one a
 * Zynq IO PLL at 1000 MHz reaches through two divisors 1..63 (DIVISOR0 and DIVISOR1). Not
 * synchronised: a clock set on one thread may be seen late by another, as with a plain field.
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
     * Sets fclk{@code index} to the reachable frequency nearest {@code requestedMhz}.
     *
     * @throws IndexOutOfBoundsException unless {@code 0 <= index < 4}
     * @throws IllegalArgumentException unless {@code requestedMhz} is in (0, 1000]
     */
    void set(int index, double requestedMhz) {
        Objects.checkIndex(index, 4);
        if (!(requestedMhz > 0) || requestedMhz > IO_PLL_MHZ) {
            throw new IllegalArgumentException("fclk" + index + " must be in (0, 1000] MHz, got " + requestedMhz);
        }
        double best = 0;
        for (int d0 = 1; d0 <= 63; d0++) {
            for (int d1 = 1; d1 <= 63; d1++) {
                double f = IO_PLL_MHZ / (d0 * d1);
                if (Math.abs(f - requestedMhz) < Math.abs(best - requestedMhz)) {
                    best = f;
                }
            }
        }
        mhz[index] = best;
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
