package io.jynq.magics;

import io.jynq.buffer.ContiguousBuffer;
import io.jynq.plot.Plot;
import io.jynq.render.Displays;
import java.util.List;
import java.util.Set;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * {@code %plot EXPR [--kind line|scatter|hist] [--title T] [--bins N]}: plots the value of a Java
 * expression (an array, NIO buffer, Tablesaw column or contiguous buffer) with
 * {@link Plot}. The expression is evaluated in the session right after the magic, so it may
 * use any variable of the notebook.
 */
public final class PlotMagic implements LineMagic {
    static final String USAGE = "%plot EXPR [--kind line|scatter|hist] [--title T] [--bins N]";
    private static final List<String> KINDS = List.of("line", "scatter", "hist");

    @Override
    public String name() {
        return "plot";
    }

    @Override
    public String help() {
        return "plot a Java expression (array, buffer, column) as a line, scatter or histogram";
    }

    @Override
    public String usage() {
        return USAGE;
    }

    @Override
    public Object eval(MagicContext ctx, List<String> args) {
        MagicArgs a = MagicArgs.parse(args, Set.of(), Set.of("--kind", "--title", "--bins"), USAGE);
        if (a.positional().isEmpty()) {
            throw new MagicUsageException("%plot needs an expression: " + USAGE + ", e.g. %plot samples --kind hist");
        }
        String kind = a.choice("--kind", "line", KINDS);
        String expr = String.join(" ", a.positional());
        int bins = bins(a.option("--bins", "20"));
        String title = a.option("--title", expr);
        ctx.evalJava(Displays.class.getName() + ".sink().display(" + PlotMagic.class.getName() + ".chart((" + expr
                + "), " + literal(kind) + ", " + literal(title) + ", " + literal(expr) + ", " + bins + "));");
        return null;
    }

    private static int bins(String text) {
        try {
            int n = Integer.parseInt(text);
            if (n >= 1 && n <= 10_000) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new MagicUsageException("--bins " + text + " must be a whole number in 1..10000: " + USAGE);
    }

    /**
     * The chart for {@code data}; called by the snippet {@link #eval} submits.
     *
     * @param kind line, scatter or hist
     * @param series the series name (the expression's text)
     * @throws MagicUsageException if {@code data}'s type cannot be plotted
     */
    public static Chart<?, ?> chart(Object data, String kind, String title, String series, int bins) {
        Object d = data instanceof ContiguousBuffer ? ((ContiguousBuffer) data).toDoubleArray() : data;
        try {
            switch (kind) {
                case "scatter":
                    return Plot.scatterChart().title(title).series(series, d).chart();
                case "hist":
                    return Plot.histChart().title(title).bins(bins).series(series, d).chart();
                default:
                    return Plot.lineChart().title(title).series(series, d).chart();
            }
        } catch (IllegalArgumentException e) {
            // runs in the user's snippet: one line, not the plot package's frames
            throw new MagicUsageException("%plot " + series + ": " + e.getMessage());
        }
    }

    /** A Java string literal of {@code s}. */
    static String literal(String s) {
        return io.jynq.facade.JavaNames.literal(s);
    }
}
