package io.jynq.render;

import java.io.PrintStream;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.internal.series.AxesChartSeriesNumericalNoErrorBars;
import org.knowm.xchart.internal.series.Series;

/**
 * The {@link DisplaySink} for JShell and plain Java: the text/plain form {@link Renderers} give,
 * on a {@link PrintStream}. A progress bar is redrawn on one line with a carriage return; a chart
 * prints a one-line summary (there is no image in a terminal); a Tablesaw table prints as
 * Tablesaw formats it. Clearing output does nothing (a terminal keeps its lines).
 */
public final class ConsoleSink implements DisplaySink {
    private final Supplier<PrintStream> out;
    private final AtomicLong ids = new AtomicLong();
    private final Map<String, Boolean> open = new ConcurrentHashMap<>();

    /** Prints to {@code out}. */
    public ConsoleSink(PrintStream out) {
        Objects.requireNonNull(out, "out");
        this.out = () -> out;
    }

    /** Prints to whatever {@code System.out} is at the time (JShell and kernels replace it). */
    public static ConsoleSink systemOut() {
        return new ConsoleSink();
    }

    private ConsoleSink() {
        this.out = () -> System.out;
    }

    @Override
    public String display(Object o) {
        String id = "console-" + ids.incrementAndGet();
        open.put(id, Boolean.TRUE);
        show(o);
        return id;
    }

    @Override
    public void update(String displayId, Object o) {
        if (!open.containsKey(displayId)) {
            throw new IllegalArgumentException("unknown display id " + displayId + " (not returned by display)");
        }
        show(o);
    }

    private synchronized void show(Object o) {
        PrintStream out = this.out.get();
        if (o instanceof ProgressState) {
            ProgressState s = (ProgressState) o;
            out.print("\r" + ProgressBar.text(s) + (s.finished() ? System.lineSeparator() : ""));
        } else {
            out.println(text(o));
        }
        out.flush();
    }

    @Override
    public void clearOutput(boolean wait) {
        // a terminal cannot take back lines it printed
    }

    /** The console form of {@code o}: its text/plain rendering. */
    public static String text(Object o) {
        return Renderers.render(o).text();
    }

    /** A chart's text form: {@code XYChart "title" 800x400 px: in (1024 points), out (1024 points)}. */
    static String chartText(Chart<?, ?> c) {
        String series = c.getSeriesMap().values().stream().filter(Series::isShowInLegend).map(ConsoleSink::describe)
            .collect(Collectors.joining(", "));
        return c.getClass().getSimpleName() + " \"" + c.getTitle() + "\" " + c.getWidth() + "x"
            + c.getHeight() + " px: " + series;
    }

    private static String describe(Series s) {
        if (s instanceof AxesChartSeriesNumericalNoErrorBars) {
            return s.getName() + " (" + ((AxesChartSeriesNumericalNoErrorBars) s).getXData().length + " points)";
        }
        return s.getName();
    }
}
