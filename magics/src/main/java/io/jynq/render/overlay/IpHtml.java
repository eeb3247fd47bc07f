package io.jynq.render.overlay;

import io.jynq.metadata.InterruptPin;
import io.jynq.metadata.IpDescription;
import io.jynq.metadata.RegisterDescription;
import io.jynq.metadata.RegisterField;
import io.jynq.render.Html;
import java.util.Map;

/**
 * One IP as {@code %ip NAME} shows it: name, VLNV, address range, interrupts, then its register
 * map from the {@code .hwh} (offset, name, width, access, reset value, fields as closed
 * {@code [msb:lsb]} slices, description). Reads no register.
 */
public final class IpHtml {
    private IpHtml() {
    }

    /** The HTML view of {@code ip}; {@code driver} is the bound driver's simple name, or null. */
    public static String html(IpDescription ip, String driver) {
        StringBuilder b = new StringBuilder("<div class=\"jynq-ip\"><b>").append(Html.escape(ip.name())).append("</b> ")
                .append(Html.escape(summary(ip, driver))).append("<br>");
        if (!ip.interrupts().isEmpty()) {
            b.append("interrupts: ").append(Html.escape(interrupts(ip.interrupts()))).append("<br>");
        }
        if (ip.registers().isEmpty()) {
            return b.append("<i>no register map in the .hwh</i></div>").toString();
        }
        b.append("<table class=\"jynq-registers\"><thead><tr><th style=\"text-align:left\">offset</th><th style=\"text-align:left\">register</th><th style=\"text-align:left\">bits</th>"
                + "<th style=\"text-align:left\">access</th><th style=\"text-align:left\">reset</th><th style=\"text-align:left\">fields</th><th style=\"text-align:left\">description</th></tr></thead><tbody>");
        for (RegisterDescription r : ip.registers().values()) {
            b.append("<tr><td style=\"text-align:right\"><code>").append(Hex.of(r.byteOffset())).append("</code></td><td style=\"text-align:left\">")
                    .append(Html.escape(r.name())).append("</td><td style=\"text-align:left\">").append(r.sizeBits()).append("</td><td style=\"text-align:left\">")
                    .append(r.access().hwhName()).append("</td><td style=\"text-align:left\"><code>")
                    .append(r.resetValue() == null ? "" : Hex.of(r.resetValue())).append("</code></td><td style=\"text-align:left\">")
                    .append(Html.escape(fields(r))).append("</td><td style=\"text-align:left\">").append(Html.escape(r.description()))
                    .append("</td></tr>");
        }
        return b.append("</tbody></table></div>").toString();
    }

    /** The text view: the summary line, then one line per register. */
    public static String text(IpDescription ip, String driver) {
        StringBuilder b = new StringBuilder(ip.name()).append(' ').append(summary(ip, driver));
        if (!ip.interrupts().isEmpty()) {
            b.append("\n  interrupts: ").append(interrupts(ip.interrupts()));
        }
        for (RegisterDescription r : ip.registers().values()) {
            b.append(String.format("%n  %-8s %-24s %2d bits %-10s", Hex.of(r.byteOffset()), r.name(), r.sizeBits(),
                    r.access().hwhName()));
            String f = fields(r);
            if (!f.isEmpty()) {
                b.append(' ').append(f);
            }
        }
        return b.toString();
    }

    /** {@code xilinx.com:ip:axi_dma:7.1 at 0x40400000 (64 KiB), driver AxiDma}. */
    static String summary(IpDescription ip, String driver) {
        StringBuilder b = new StringBuilder(ip.type() == null ? "(no VLNV)" : ip.type());
        if (ip.addrRange() > 0) {
            b.append(" at ").append(Hex.of(ip.physAddr())).append(" (").append(Hex.bytes(ip.addrRange())).append(')');
        }
        if (driver != null) {
            b.append(", driver ").append(driver);
        }
        return b.toString();
    }

    private static String interrupts(Map<String, InterruptPin> pins) {
        StringBuilder b = new StringBuilder();
        pins.forEach((port, pin) -> b.append(b.length() == 0 ? "" : ", ").append(port).append(" → ")
                .append(pin.controller()).append('[').append(pin.index()).append(']'));
        return b.toString();
    }

    /** {@code RS[0] Reset[2] IOC_IrqEn[12]} or {@code IRQThreshold[23:16]}. */
    static String fields(RegisterDescription r) {
        StringBuilder b = new StringBuilder();
        for (RegisterField f : r.fields().values()) {
            if (f.bitWidth() == r.sizeBits() && f.bitOffset() == 0 && r.fields().size() == 1) {
                continue;
            }
            int msb = f.bitOffset() + f.bitWidth() - 1;
            b.append(b.length() == 0 ? "" : " ").append(f.name()).append('[').append(msb);
            if (f.bitWidth() > 1) {
                b.append(':').append(f.bitOffset());
            }
            b.append(']');
        }
        return b.toString();
    }
}
