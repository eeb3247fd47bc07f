package io.jynq.render.overlay;

import io.jynq.mmio.BitField;
import io.jynq.mmio.Register;
import io.jynq.mmio.RegisterMap;
import io.jynq.render.Html;

/**
 * Live register values, as {@code %registers NAME} and a {@code RegisterMap} result show them:
 * one row per register with its value in hex and decimal and each field decoded
 * ({@code AP_DONE=1}). Write-only registers show {@code write-only} and are not read. Rendering
 * reads every readable register once, with the side effects a read has on hardware (an HLS
 * block's AP_DONE clears on read, PG/UG1399).
 */
public final class RegisterMapHtml {
    private RegisterMapHtml() {
    }

    /** The HTML table of {@code map}'s current values. */
    public static String html(RegisterMap map) {
        StringBuilder b = new StringBuilder("<table class=\"jynq-registers\"><caption>")
                .append(Html.escape(map.ipName())).append(" registers</caption><thead><tr><th style=\"text-align:left\">offset</th>"
                        + "<th style=\"text-align:left\">register</th><th style=\"text-align:left\">value</th><th style=\"text-align:left\">decimal</th><th style=\"text-align:left\">fields</th></tr></thead><tbody>");
        for (Register r : map.registers().values()) {
            b.append("<tr><td style=\"text-align:right\"><code>").append(Hex.of(r.byteOffset())).append("</code></td><td style=\"text-align:left\">")
                    .append(Html.escape(r.name())).append("</td>");
            if (!r.access().readable()) {
                b.append("<td colspan=\"3\"><i>write-only</i></td></tr>");
                continue;
            }
            long v = r.get();
            b.append("<td style=\"text-align:left\"><code>").append(Hex.of(v, r.widthBits())).append("</code></td><td style=\"text-align:right\">")
                    .append(v).append("</td><td style=\"text-align:left\">").append(Html.escape(fields(r, v))).append("</td></tr>");
        }
        return b.append("</tbody></table>").toString();
    }

    /** The text form: one register per line, {@code name = 0x... (decimal) fields}. */
    public static String text(RegisterMap map) {
        StringBuilder b = new StringBuilder(map.ipName()).append(" registers");
        for (Register r : map.registers().values()) {
            b.append(String.format("%n  %-8s %-24s ", Hex.of(r.byteOffset()), r.name()));
            if (!r.access().readable()) {
                b.append("write-only");
                continue;
            }
            long v = r.get();
            b.append(Hex.of(v, r.widthBits())).append(" (").append(v).append(')');
            String f = fields(r, v);
            if (!f.isEmpty()) {
                b.append("  ").append(f);
            }
        }
        return b.toString();
    }

    /** Fields decoded from the value already read: {@code RS=1 Reset=0}; "" when none or the only field is the register. */
    static String fields(Register r, long value) {
        StringBuilder b = new StringBuilder();
        for (BitField f : r.fields().values()) {
            if (r.fields().size() == 1 && f.widthBits() == r.widthBits()) {
                continue;
            }
            long mask = f.widthBits() >= 64 ? -1L : (1L << f.widthBits()) - 1;
            long fv = (value >>> f.lsb()) & mask;
            b.append(b.length() == 0 ? "" : " ").append(f.name()).append('=').append(fv);
        }
        return b.toString();
    }
}
