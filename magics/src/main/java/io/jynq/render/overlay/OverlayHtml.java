package io.jynq.render.overlay;

import io.jynq.metadata.InterruptPin;
import io.jynq.metadata.IpDescription;
import io.jynq.metadata.OverlayMetadata;
import io.jynq.render.Html;
import java.util.function.Function;

/**
 * An overlay as a notebook shows it (PYNQ's {@code ol?} as a table): a header line (name, part,
 * state), then every addressable IP with its VLNV, address, range and bound driver, the
 * hierarchies, and the interrupt pins with their controller and index.
 */
public final class OverlayHtml {
    private OverlayHtml() {
    }

    /**
     * @param name the overlay's name, e.g. {@code dsp_loopback}
     * @param md its metadata
     * @param driver the simple name of each IP's driver class (e.g. {@code AxiDma}), or null to leave the column out
     * @param state a short state, e.g. {@code loaded} or {@code not loaded}
     */
    public static String html(String name, OverlayMetadata md, Function<IpDescription, String> driver, String state) {
        StringBuilder b = new StringBuilder("<div class=\"jynq-overlay\"><b>Overlay ").append(Html.escape(name))
                .append("</b> (").append(Html.escape(md.systemInfo().part())).append(", ").append(Html.escape(state))
                .append(")<table><thead><tr><th style=\"text-align:left\">IP</th><th style=\"text-align:left\">type</th><th style=\"text-align:left\">address</th><th style=\"text-align:left\">range</th>")
                .append(driver == null ? "" : "<th style=\"text-align:left\">driver</th>").append("</tr></thead><tbody>");
        for (IpDescription ip : md.ipDict().values()) {
            // the PS is listed too, so the rows agree with ipDict() and the "N IP" a summary says
            b.append("<tr><td style=\"text-align:left\">").append(Html.escape(ip.name())).append("</td><td style=\"text-align:left\">").append(Html.escape(ip.type()))
                    .append("</td><td style=\"text-align:left\"><code>").append(Hex.of(ip.physAddr())).append("</code></td><td style=\"text-align:left\">")
                    .append(Hex.bytes(ip.addrRange())).append("</td>");
            if (driver != null) {
                b.append("<td style=\"text-align:left\">").append(Html.escape(driver.apply(ip))).append("</td>");
            }
            b.append("</tr>");
        }
        b.append("</tbody></table>");
        if (!md.hierarchyDict().isEmpty()) {
            b.append("hierarchies: ").append(Html.escape(String.join(", ", md.hierarchyDict().keySet()))).append("<br>");
        }
        if (!md.interruptPins().isEmpty()) {
            // one row per pin: the PYNQ-Z1 base design has 11, unreadable as one line
            b.append(DictTables.interruptPins(md.interruptPins()).html());
        }
        return b.append("</div>").toString();
    }

    /** The text form: header, one line per IP, hierarchies, interrupts. */
    public static String text(String name, OverlayMetadata md, Function<IpDescription, String> driver, String state) {
        StringBuilder b = new StringBuilder("Overlay ").append(name).append(" (").append(md.systemInfo().part())
                .append(", ").append(state).append(')');
        for (IpDescription ip : md.ipDict().values()) {
            b.append(String.format("%n  %-40s %-40s %s", ip.name(), ip.type(), Hex.of(ip.physAddr())));
            if (driver != null) {
                b.append(' ').append(driver.apply(ip));
            }
        }
        if (!md.hierarchyDict().isEmpty()) {
            b.append("\n  hierarchies: ").append(String.join(", ", md.hierarchyDict().keySet()));
        }
        if (!md.interruptPins().isEmpty()) {
            b.append("\n  interrupts:");
            for (InterruptPin p : md.interruptPins().values()) {
                b.append("\n    ").append(p.fullpath()).append(" → ").append(p.controller()).append('[').append(p.index())
                        .append(']');
            }
        }
        return b.toString();
    }
}
