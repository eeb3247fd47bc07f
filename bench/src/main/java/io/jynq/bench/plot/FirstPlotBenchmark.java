package io.jynq.bench.plot;

import io.jynq.plot.Plot;
import io.jynq.render.ChartPng;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The first plot of a session: one call in a fresh JVM, so XChart, AWT fonts and the PNG encoder
 * load and nothing is compiled yet. What the user waits for on the first plot cell of a notebook
 * (the steady state is {@link DecimateRenderBenchmark}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
@Fork(value = 3, jvmArgsAppend = {"-Djava.awt.headless=true", "-Xmx2g"})
public class FirstPlotBenchmark {
    private double[] signal;

    @Setup
    public void makeSignal() {
        Random r = new Random(1);
        signal = new double[10_000_000];
        for (int i = 0; i < signal.length; i++) {
            signal[i] = Math.sin(2 * Math.PI * i / 250_000.0) + 0.1 * r.nextGaussian();
        }
    }

    @Benchmark
    public byte[] firstLinePlotOf10MSamplesToPng() {
        return ChartPng.encode(Plot.lineChart().size(1000, 400).series("adc", signal).chart());
    }
}
