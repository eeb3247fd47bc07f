package io.jynq.plot;

import io.jynq.render.DisplaySink;
import io.jynq.render.DisplayTimer;
import io.jynq.render.Displays;
import io.jynq.render.UpdateThrottle;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongSupplier;
import org.knowm.xchart.XYChart;

/**
 * A line chart that updates in place while a loop runs: one output in the notebook, redrawn
 * through {@link DisplaySink#update} by display id.
 * <pre>{@code
 * try (LivePlot live = Plot.live().title("ADC").labels("sample", "code").window(5000).start()) {
 *     for (int i = 0; i < 100; i++) {
 *         int[] block = readAdcBlock();      // your capture, e.g. a DMA receive
 *         live.append("adc", block);         // any type Samples.from accepts
 *     }
 * }
 * }</pre>
 * Updates are rate-limited ({@link LivePlotBuilder#maxUpdatesPerSecond}, default 5): a call
 * that comes too soon only stores the data, and the latest state is always shown: by the next
 * allowed update, by the {@link DisplayTimer} once the interval has passed, by {@link #flush()},
 * by {@link #close()}, or by the kernel's {@link Displays#flushPending()} at the end of the
 * cell. Data is kept in full (or the last {@code window} samples) and decimated at each redraw. The output appears at the first redraw
 * that has data. After {@code close()} further calls throw {@link IllegalStateException}.
 * Thread-safe.
 */
public final class LivePlot implements AutoCloseable {
    private final ChartLayout layout;
    private final long window;
    private final DisplaySink sink;
    private final UpdateThrottle throttle;
    private final Map<String, GrowingSeries> series = new LinkedHashMap<>();
    private final Runnable flush = this::flush;
    private final boolean trailing;
    private boolean timerArmed;
    private XYChart chart;
    private String displayId;
    private int redraws;
    private boolean dirty;
    private boolean closed;

    LivePlot(ChartLayout layout, Iterable<String> names, long window, DisplaySink sink,
             double maxPerSecond, LongSupplier nanoClock, boolean trailing) {
        this.trailing = trailing;
        this.layout = layout;
        this.window = window;
        this.sink = Objects.requireNonNull(sink, "sink");
        this.throttle = new UpdateThrottle(maxPerSecond, nanoClock);
        names.forEach(n -> series.put(n, new GrowingSeries(window)));
    }

    /**
     * Appends samples to a series (created on first use), at x continuing from its last sample.
     *
     * @throws IllegalArgumentException if the data type is unsupported or the name is blank
     * @throws IllegalStateException if closed
     */
    public synchronized LivePlot append(String name, Object y) {
        Samples s = Samples.from(y);
        open(name).append(s);
        return changed();
    }

    /** Appends one sample. */
    public synchronized LivePlot append(String name, double y) {
        return append(name, new double[] {y});
    }

    /** Replaces the whole series by {@code y} at x = 0, 1, 2... (a fresh capture each time). */
    public synchronized LivePlot replace(String name, Object y) {
        Samples s = Samples.from(y);
        open(name).replace(null, s);
        return changed();
    }

    /**
     * Replaces the whole series by the points {@code (x[i], y[i])}.
     *
     * @throws IllegalArgumentException if the lengths differ
     */
    public synchronized LivePlot replace(String name, Object x, Object y) {
        Samples xs = Samples.from(x);
        Samples ys = Samples.from(y);
        if (xs.length() != ys.length()) {
            throw new IllegalArgumentException("series \"" + name + "\": x has " + xs.length()
                + " samples but y has " + ys.length());
        }
        open(name).replace(xs, ys);
        return changed();
    }

    /** Shows the latest state now, ignoring the rate limit. */
    public synchronized void flush() {
        if (dirty && !closed) {
            throttle.mark();
            redraw();
        }
    }

    /** Shows the latest state and ends updates; idempotent. */
    @Override
    public synchronized void close() {
        if (!closed) {
            flush();
            closed = true;
            Displays.done(flush);
        }
    }

    /** The chart as last drawn (null before the first redraw); do not modify it. */
    public synchronized XYChart chart() {
        return chart;
    }

    /** How many times the chart was sent to the sink (display plus updates). */
    public synchronized int redraws() {
        return redraws;
    }

    /** Samples held for {@code name} (after the window), 0 for an unknown series. */
    public synchronized int size(String name) {
        GrowingSeries s = series.get(name);
        return s == null ? 0 : s.size();
    }

    private GrowingSeries open(String name) {
        if (closed) {
            throw new IllegalStateException("live plot \"" + layout.title() + "\" is closed");
        }
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a series needs a name, got \"" + name + "\"");
        }
        return series.computeIfAbsent(name, n -> new GrowingSeries(window));
    }

    private LivePlot changed() {
        dirty = true;
        if (throttle.tryAcquire()) {
            redraw();
        } else {
            Displays.pending(flush);
            if (trailing && !timerArmed) {
                timerArmed = true;
                DisplayTimer.schedule(this::timerFired, throttle.nanosUntilNext());
            }
        }
        return this;
    }

    private synchronized void timerFired() {
        timerArmed = false;
        flush();
    }

    private void redraw() {
        Displays.done(flush);
        XYChart next = chart == null ? XyPlotBuilder.newChart(layout, false) : chart;
        boolean any = false;
        for (Map.Entry<String, GrowingSeries> e : series.entrySet()) {
            GrowingSeries s = e.getValue();
            if (s.size() == 0) {
                continue; // XChart rejects an empty series; it appears with its first sample
            }
            any = true;
            XyData d = MinMaxDecimator.decimate(s.xs(), s.ys(), layout.widthPx());
            if (next.getSeriesMap().containsKey(e.getKey())) {
                next.updateXYSeries(e.getKey(), d.x(), d.y(), null);
            } else {
                next.addSeries(e.getKey(), d.x(), d.y());
            }
        }
        if (!any) {
            return;
        }
        next.getStyler().setLegendVisible(next.getSeriesMap().size() > 1);
        chart = next;
        dirty = false;
        redraws++;
        if (displayId == null) {
            displayId = sink.display(chart);
        } else {
            sink.update(displayId, chart);
        }
    }

    @Override
    public synchronized String toString() {
        return "LivePlot[\"" + layout.title() + "\", series " + series.keySet() + ", " + redraws + " redraws]";
    }
}
