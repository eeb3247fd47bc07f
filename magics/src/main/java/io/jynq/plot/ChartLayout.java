package io.jynq.plot;

/**
 * Title, axis labels and size of a chart. Sizes are in pixels of the rendered PNG; the chart
 * width is also the number of pixel columns a long series is decimated to.
 *
 * @param title chart title, "" for none
 * @param xLabel x-axis label, "" for none
 * @param yLabel y-axis label, "" for none
 * @param widthPx width in pixels, 50..10000 (default 800)
 * @param heightPx height in pixels, 50..10000 (default 400)
 */
public record ChartLayout(String title, String xLabel, String yLabel, int widthPx, int heightPx) {
    /** 800 x 400 px, no title, no axis labels. */
    public static final ChartLayout DEFAULT = new ChartLayout("", "", "", 800, 400);

    public ChartLayout {
        title = title == null ? "" : title;
        xLabel = xLabel == null ? "" : xLabel;
        yLabel = yLabel == null ? "" : yLabel;
        checkSize("width", widthPx);
        checkSize("height", heightPx);
    }

    public ChartLayout withTitle(String t) {
        return new ChartLayout(t, xLabel, yLabel, widthPx, heightPx);
    }

    public ChartLayout withLabels(String x, String y) {
        return new ChartLayout(title, x, y, widthPx, heightPx);
    }

    public ChartLayout withSize(int width, int height) {
        return new ChartLayout(title, xLabel, yLabel, width, height);
    }

    private static void checkSize(String what, int px) {
        if (px < 50 || px > 10_000) {
            throw new IllegalArgumentException("chart " + what + " " + px + " px is outside 50..10000 px");
        }
    }
}
