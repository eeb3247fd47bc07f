package io.jynq.render;

import java.util.Locale;

/**
 * Renders a {@link ProgressState}: an HTML {@code <progress>} element for notebooks and a
 * fixed-width text bar for the console, e.g.
 * {@code Downloading base.bit [##########----------]  50%  2.0 MiB / 4.0 MiB  1.3 s}.
 */
public final class ProgressBar {
    private static final int TEXT_WIDTH = 30;

    private ProgressBar() {
    }

    /** One {@code <div>} with the escaped label, a {@code <progress>} and the figures. */
    public static String html(ProgressState s) {
        String value = s.total() < 0 ? "" : " value=\"" + Math.min(s.done(), s.total()) + "\" max=\"" + s.total() + "\"";
        return "<div class=\"jynq-progress\"><span>" + Html.escape(s.label()) + "</span> <progress"
            + value + " style=\"width:40%;vertical-align:middle\"></progress> <span>"
            + Html.escape(figures(s)) + "</span></div>";
    }

    /** One line, no line terminator. */
    public static String text(ProgressState s) {
        StringBuilder b = new StringBuilder(s.label()).append(" [");
        double f = s.fraction();
        int filled = Double.isNaN(f) ? 0 : (int) Math.round(f * TEXT_WIDTH);
        b.append("#".repeat(filled)).append((Double.isNaN(f) ? "?" : "-").repeat(TEXT_WIDTH - filled));
        return b.append("] ").append(figures(s)).toString();
    }

    /** "50%  2.0 MiB / 4.0 MiB  1.3 s", plus "stopped" when it ended early. */
    static String figures(ProgressState s) {
        StringBuilder b = new StringBuilder();
        if (s.total() >= 0) {
            b.append(String.format(Locale.ROOT, "%3d%%  ", (int) Math.floor(s.fraction() * 100)));
        }
        b.append(amount(s.done(), s.bytes()));
        if (s.total() >= 0) {
            b.append(" / ").append(amount(s.total(), s.bytes()));
        }
        b.append(String.format(Locale.ROOT, "  %.1f s", s.elapsedNanos() / 1e9));
        if (s.stopped()) {
            b.append("  stopped");
        }
        return b.toString();
    }

    /** Bytes in binary units (KiB = 1024 bytes), counts as plain numbers. */
    static String amount(long n, boolean bytes) {
        if (!bytes) {
            return Long.toString(n);
        }
        if (n < 1024) {
            return n + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double v = n;
        int u = -1;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return String.format(Locale.ROOT, "%.1f %s", v, units[u]);
    }
}
