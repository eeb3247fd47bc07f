package io.jynq.plot;

import io.jynq.render.DisplaySink;
import io.jynq.render.Displays;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import java.util.function.LongSupplier;

/** Options of a {@link LivePlot}; {@link #start()} opens it. */
public final class LivePlotBuilder {
    private ChartLayout layout = ChartLayout.DEFAULT;
    private final Set<String> names = new LinkedHashSet<>();
    private long window;
    private double maxPerSecond = 5;
    private DisplaySink sink;
    private LongSupplier nanoClock = System::nanoTime;
    private boolean trailingFlush = true;

    LivePlotBuilder() {
    }

    public LivePlotBuilder title(String title) {
        layout = layout.withTitle(title);
        return this;
    }

    public LivePlotBuilder labels(String xLabel, String yLabel) {
        layout = layout.withLabels(xLabel, yLabel);
        return this;
    }

    /** Chart size in pixels (see {@link ChartLayout}). */
    public LivePlotBuilder size(int widthPx, int heightPx) {
        layout = layout.withSize(widthPx, heightPx);
        return this;
    }

    /** Declares a series up front so the legend keeps this order; others appear on first append. */
    public LivePlotBuilder series(String name) {
        XyPlotBuilder.checkName(name, names);
        names.add(name);
        return this;
    }

    /**
     * Keeps only the last {@code samples} of each series (a scrolling view).
     *
     * @param samples at least 1; 0 (the default) keeps everything
     * @throws IllegalArgumentException if negative
     */
    public LivePlotBuilder window(long samples) {
        if (samples < 0) {
            throw new IllegalArgumentException("window " + samples + " samples is negative");
        }
        window = samples;
        return this;
    }

    /**
     * @param perSecond 0.1..1000 redraws per second (default 5); each redraw is a PNG in the notebook
     * @throws IllegalArgumentException if out of range
     */
    public LivePlotBuilder maxUpdatesPerSecond(double perSecond) {
        if (!(perSecond >= 0.1 && perSecond <= 1000)) {
            throw new IllegalArgumentException("max updates per second " + perSecond + " is outside 0.1..1000");
        }
        maxPerSecond = perSecond;
        return this;
    }

    /** Sends to {@code s} instead of {@link Displays#sink()} (tests, a second output). */
    public LivePlotBuilder sink(DisplaySink s) {
        sink = Objects.requireNonNull(s, "sink");
        return this;
    }

    /** A monotonic nanosecond clock for the rate limit (tests); default {@code System::nanoTime}. */
    public LivePlotBuilder clock(LongSupplier nanos) {
        nanoClock = Objects.requireNonNull(nanos, "clock");
        return this;
    }

    /**
     * Whether a state that came too soon is drawn by the {@link io.jynq.render.DisplayTimer} once
     * the interval has passed (default true). False draws it only at the next append,
     * {@code flush}, {@code close} or the kernel's end-of-cell flush: deterministic, for tests.
     */
    public LivePlotBuilder trailingFlush(boolean on) {
        trailingFlush = on;
        return this;
    }

    /** Opens the live plot; nothing is shown until the first data arrives. */
    public LivePlot start() {
        return new LivePlot(layout, names, window, sink != null ? sink : Displays.sink(), maxPerSecond, nanoClock, trailingFlush);
    }
}
