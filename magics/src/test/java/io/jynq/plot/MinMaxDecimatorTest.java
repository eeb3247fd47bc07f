package io.jynq.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MinMaxDecimatorTest {

    static Stream<Arguments> signals() {
        Random r = new Random(42);
        return Stream.of(
            Arguments.of("random, 1,000,000 samples at 1000 px", 1_000_000, 1000, (IntFunction<double[]>) n -> random(r, n)),
            Arguments.of("sine plus noise, 1,000,003 samples (not divisible by width)", 1_000_003, 1000,
                (IntFunction<double[]>) n -> sineNoise(r, n)),
            Arguments.of("spikes at both edges of every column", 500_000, 997, (IntFunction<double[]>) n -> edgeSpikes(n, 997)),
            Arguments.of("NaN sprinkled and whole NaN columns", 200_000, 640, (IntFunction<double[]>) n -> withNaN(r, n, 640)),
            Arguments.of("just over twice the width", 2_001, 1000, (IntFunction<double[]>) n -> random(r, n)),
            Arguments.of("prime length, prime width", 104_729, 331, (IntFunction<double[]>) n -> sineNoise(r, n)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("signals")
    void decimatedEnvelopeEqualsFullEnvelopePerPixelColumn(String name, int n, int w, IntFunction<double[]> make) {
        double[] y = make.apply(n);
        XyData d = MinMaxDecimator.decimate(Samples.of(y), w);

        assertTrue(d.decimated());
        assertTrue(d.size() <= 2 * w, d.size() + " points for " + w + " columns");
        Envelope full = Envelope.of(Envelope.index(n), y, w, Envelope.indexColumns(n, w));
        Envelope drawn = Envelope.of(d.x(), d.y(), w, Envelope.indexColumns(n, w));
        assertArrayEquals(full.min(), drawn.min(), "per-column min");
        assertArrayEquals(full.max(), drawn.max(), "per-column max");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("signals")
    void inTheNarrowerPlotAreaNoExtremeMovesMoreThanOnePixel(String name, int n, int w, IntFunction<double[]> make) {
        double[] y = make.apply(n);
        XyData d = MinMaxDecimator.decimate(Samples.of(y), w);
        int plot = w * 9 / 10; // XChart draws axes and legend inside the chart width
        Envelope full = Envelope.of(Envelope.index(n), y, plot, Envelope.indexColumns(n, plot));
        Envelope drawn = Envelope.of(d.x(), d.y(), plot, Envelope.indexColumns(n, plot));
        for (int c = 0; c < plot; c++) {
            if (Double.isNaN(full.min()[c])) {
                assertTrue(Double.isNaN(drawn.min()[c]), "column " + c + " has no data");
                continue;
            }
            // every drawn point is a real sample at its own x: never outside the full envelope
            assertTrue(Double.isNaN(drawn.min()[c]) || drawn.min()[c] >= full.min()[c], "min inside at " + c);
            assertTrue(Double.isNaN(drawn.max()[c]) || drawn.max()[c] <= full.max()[c], "max inside at " + c);
            // an extreme of this pixel is drawn here or in a neighbouring pixel
            assertTrue(full.min()[c] >= nearest(drawn.min(), c, Math::min), "min within 1 px at " + c);
            assertTrue(full.max()[c] <= nearest(drawn.max(), c, Math::max), "max within 1 px at " + c);
        }
    }

    private static double nearest(double[] v, int c, java.util.function.DoubleBinaryOperator pick) {
        double best = Double.NaN;
        for (int k = Math.max(0, c - 1); k <= Math.min(v.length - 1, c + 1); k++) {
            if (!Double.isNaN(v[k])) {
                best = Double.isNaN(best) ? v[k] : pick.applyAsDouble(best, v[k]);
            }
        }
        return best;
    }

    @Test
    void pointsStayInSampleOrderSoTheLineIsDrawnLeftToRight() {
        double[] y = sineNoise(new Random(1), 100_000);
        XyData d = MinMaxDecimator.decimate(Samples.of(y), 500);
        for (int i = 1; i < d.size(); i++) {
            assertTrue(d.x()[i] > d.x()[i - 1], "x at " + i);
            assertEquals(y[(int) d.x()[i]], d.y()[i], "a kept point is a real sample");
        }
    }

    @Test
    void aColumnOfOnlyNaNKeepsOneNaNSoTheLineBreaks() {
        double[] y = new double[10_000];
        Arrays.fill(y, 1.0);
        Arrays.fill(y, 5_000, 5_100, Double.NaN); // columns 50 of 100 exactly
        XyData d = MinMaxDecimator.decimate(Samples.of(y), 100);
        long nanPoints = Arrays.stream(d.y()).filter(Double::isNaN).count();
        assertEquals(1, nanPoints);
    }

    @Test
    void seriesOfAtMostTwiceTheWidthIsReturnedUnchanged() {
        double[] y = {3, Double.NaN, 1, 4, 1, 5};
        XyData d = MinMaxDecimator.decimate(Samples.of(y), 1000);
        assertFalse(d.decimated());
        assertArrayEquals(y, d.y());
        assertArrayEquals(new double[] {0, 1, 2, 3, 4, 5}, d.x());

        XyData exactlyTwice = MinMaxDecimator.decimate(Samples.of(new double[2000]), 1000);
        assertEquals(2000, exactlyTwice.size());
    }

    @Test
    void explicitNonUniformXIsBinnedByValue() {
        Random r = new Random(7);
        int n = 300_000;
        double[] x = new double[n];
        double[] y = random(r, n);
        for (int i = 1; i < n; i++) {
            x[i] = x[i - 1] + r.nextDouble() * (i < n / 2 ? 1 : 10); // denser on the left
        }
        int w = 800;
        XyData d = MinMaxDecimator.decimate(Samples.of(x), Samples.of(y), w);
        assertTrue(d.size() <= 2 * w);
        var columns = Envelope.valueColumns(x[0], x[n - 1], w);
        assertArrayEquals(Envelope.of(x, y, w, columns).min(), Envelope.of(d.x(), d.y(), w, columns).min());
        assertArrayEquals(Envelope.of(x, y, w, columns).max(), Envelope.of(d.x(), d.y(), w, columns).max());
    }

    @Test
    void timeAxisFromRampKeepsTimeUnits() {
        double[] y = sineNoise(new Random(3), 50_000);
        XyData d = MinMaxDecimator.decimate(Samples.ramp(0, 1e-3, y.length), Samples.of(y), 200);
        assertTrue(d.decimated());
        assertTrue(d.x()[d.size() - 1] <= 49.999 + 1e-9 && d.x()[d.size() - 1] > 49.9, "x in ms: " + d.x()[d.size() - 1]);
    }

    @Test
    void nonMonotonicXIsNotDecimated() {
        Random r = new Random(5);
        double[] x = random(r, 10_000);
        double[] y = random(r, 10_000);
        XyData d = MinMaxDecimator.decimate(Samples.of(x), Samples.of(y), 100);
        assertFalse(d.decimated());
        assertArrayEquals(x, d.x());
    }

    @Test
    void badArgumentsAreNamed() {
        var e = assertThrows(IllegalArgumentException.class,
            () -> MinMaxDecimator.decimate(Samples.of(new double[3]), Samples.of(new double[4]), 10));
        assertEquals("x has 3 samples but y has 4", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> MinMaxDecimator.decimate(Samples.of(new double[3]), 0));
    }

    static double[] random(Random r, int n) {
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = r.nextGaussian();
        }
        return y;
    }

    static double[] sineNoise(Random r, int n) {
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = Math.sin(2 * Math.PI * i / 5000.0) + 0.1 * r.nextGaussian();
        }
        return y;
    }

    /** Flat signal with a +spike at the first and a -spike at the last sample of every column. */
    static double[] edgeSpikes(int n, int w) {
        double[] y = new double[n];
        for (int c = 0; c < w; c++) {
            int first = (int) ((c * (long) n + w - 1) / w);
            int last = (int) (((c + 1) * (long) n + w - 1) / w) - 1;
            y[first] = 100 + c;
            y[last] = -100 - c;
        }
        return y;
    }

    static double[] withNaN(Random r, int n, int w) {
        double[] y = sineNoise(r, n);
        for (int i = 0; i < n; i += 7) {
            y[i] = Double.NaN;
        }
        int perColumn = n / w;
        Arrays.fill(y, 10 * perColumn, 13 * perColumn, Double.NaN); // whole columns of NaN
        return y;
    }
}
