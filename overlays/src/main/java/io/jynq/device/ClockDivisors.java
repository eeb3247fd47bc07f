package io.jynq.device;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * PYNQ's choice of the two 6-bit PL clock divisors ({@code pynq/ps.py},
 * {@code _ClocksBase._get_2_divisors}): every product {@code i*j} of two values 0..63 is listed in
 * the order PYNQ's dict comprehension first produces it, keeping the last {@code (i, j)} that gives
 * it; the product nearest to {@code source / desired} wins, the first listed on a tie. So 100 MHz
 * from a 1000 MHz IO PLL is {@code (10, 1)} and 142.857 MHz is {@code (7, 1)}, as on a PYNQ board.
 *
 * <p>Shared by every backend, so that a notebook that sets a clock gets the same frequency, or
 * the same refusal, on the simulated board as on a real one.
 */
public final class ClockDivisors {
    /** Product to (divisor0, divisor1), in PYNQ's key order. */
    private static final Map<Integer, int[]> PRODUCTS = new LinkedHashMap<>();
    private static final System.Logger LOG = System.getLogger(ClockDivisors.class.getName());

    static {
        for (int i = 0; i < 64; i++) {
            for (int j = 0; j < 64; j++) {
                PRODUCTS.put(i * j, new int[] {i, j}); // put keeps the first insertion's position
            }
        }
    }

    private ClockDivisors() {}

    /**
     * The divisors for {@code desiredMhz} from {@code sourceMhz}: the closest frequency two 6-bit
     * divisors reach. As PYNQ's {@code _get_2_divisors}, a result more than 1% from the request is
     * still used, with a warning ({@code "fclk: setting frequency to the closest possible value
     * 3.33333 MHz"}, logged at WARNING).
     *
     * @return {divisor0, divisor1}, each 1..63
     * @throws IllegalArgumentException if {@code desiredMhz} is not positive and finite, or above
     *         the source PLL (where PYNQ fails dividing by zero)
     */
    public static int[] choose(double sourceMhz, double desiredMhz) {
        if (!(desiredMhz > 0) || Double.isInfinite(desiredMhz)) {
            throw new IllegalArgumentException("PL clock frequency must be positive, got " + desiredMhz + " MHz");
        }
        double product = Math.round(sourceMhz / desiredMhz * 1e6) / 1e6;
        int best = -1;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (int key : PRODUCTS.keySet()) {
            double d = Math.abs(key - product);
            if (d < bestDistance) {
                bestDistance = d;
                best = key;
            }
        }
        if (best == 0) {
            throw new IllegalArgumentException(String.format(
                    "%.6f MHz is not reachable: it is above the source PLL's %.6f MHz", desiredMhz, sourceMhz));
        }
        double reached = sourceMhz / best;
        if (Math.abs(desiredMhz - reached) > 0.01 * desiredMhz) {
            LOG.log(System.Logger.Level.WARNING, String.format("PL clock: %.6f MHz is not reachable from the %.6f MHz"
                    + " source PLL with two 6-bit divisors; setting frequency to the closest possible value %.5f MHz",
                    desiredMhz, sourceMhz, reached));
        }
        int[] d = PRODUCTS.get(best);
        return new int[] {d[0], d[1]};
    }

    /**
     * The frequency in MHz that {@code sourceMhz} divided by both divisors gives, rounded to 6
     * decimals (1 Hz) as PYNQ's {@code ps.py} reports a PL clock.
     */
    public static double frequencyMhz(double sourceMhz, int divisor0, int divisor1) {
        return Math.round(sourceMhz / (divisor0 * divisor1) * 1e6) / 1e6;
    }
}
