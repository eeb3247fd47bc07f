package io.jynq.bench.plot;

import io.jynq.plot.ElementType;
import io.jynq.plot.MinMaxDecimator;
import io.jynq.plot.Plot;
import io.jynq.plot.Samples;
import io.jynq.plot.XyData;
import io.jynq.render.ChartPng;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.knowm.xchart.XYChart;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The plot target of issue 5: a 10-million-sample series renders in at most 300 ms at 1000 px
 * width. {@code decimateAndRenderPng} is the whole path a notebook cell takes (read the data,
 * min/max per pixel column, build the XChart chart, encode the PNG with BitmapEncoder);
 * {@code decimateOnly} isolates the decimation; {@code ...Int16LittleEndian} reads 16-bit ADC
 * codes from a little-endian ByteBuffer, the shape of a contiguous buffer filled by the DMA.
 * Each also reports its thread CPU time ({@link CpuTime}), which the machine's load does not inflate.
 * Run with {@code ./jynq bench plot}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Djava.awt.headless=true", "-Xmx2g"})
public class DecimateRenderBenchmark {
    @Param("10000000")
    public int samples;

    @Param("1000")
    public int widthPx;

    private double[] signal;
    private ByteBuffer adcCodes;

    @Setup
    public void makeSignal() {
        Random r = new Random(1);
        signal = new double[samples];
        adcCodes = ByteBuffer.allocateDirect(2 * samples).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < samples; i++) {
            signal[i] = Math.sin(2 * Math.PI * i / 250_000.0) + 0.1 * r.nextGaussian();
            adcCodes.putShort(2 * i, (short) (signal[i] * 8000));
        }
    }

    @Benchmark
    public XyData decimateOnly(CpuTime cpu) {
        long t = cpu.start();
        XyData d = MinMaxDecimator.decimate(Samples.of(signal), widthPx);
        cpu.stop(t);
        return d;
    }

    @Benchmark
    public byte[] decimateAndRenderPng(CpuTime cpu) {
        long t = cpu.start();
        XYChart chart = Plot.lineChart().title("10 M samples").size(widthPx, 400).series("adc", signal).chart();
        byte[] png = ChartPng.encode(chart);
        cpu.stop(t);
        return png;
    }

    @Benchmark
    public byte[] decimateAndRenderPngInt16LittleEndian(CpuTime cpu) {
        long t = cpu.start();
        XYChart chart = Plot.lineChart().title("10 M samples").size(widthPx, 400)
            .series("adc", Samples.of(adcCodes, ElementType.INT16)).chart();
        byte[] png = ChartPng.encode(chart);
        cpu.stop(t);
        return png;
    }
}
