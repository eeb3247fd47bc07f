package io.jynq.magics;

import io.jynq.overlay.pkg.OverlayFinder;
import io.jynq.overlay.pkg.OverlaySummary;
import io.jynq.render.Html;
import java.util.List;
import java.util.Set;

/**
 * {@code %overlays}: the overlays {@code %overlay load NAME} can find, from {@link OverlayFinder}
 * in its search order; the text lines are those {@code ./jynq overlays} prints.
 */
public final class OverlaysMagic implements LineMagic {
    static final String USAGE = "%overlays";

    @Override
    public String name() {
        return "overlays";
    }

    @Override
    public String help() {
        return "list the overlays that %overlay load can find, with their description";
    }

    @Override
    public String usage() {
        return USAGE;
    }

    @Override
    public Object eval(MagicContext ctx, List<String> args) {
        MagicArgs a = MagicArgs.parse(args, Set.of(), Set.of(), USAGE);
        if (!a.positional().isEmpty()) {
            throw new MagicUsageException("%overlays takes no arguments: " + USAGE);
        }
        List<OverlaySummary> found = OverlayFinder.standard().list();
        StringBuilder text = new StringBuilder(found.size() + " overlays found");
        StringBuilder html = new StringBuilder("<table class=\"jynq-overlays\"><thead><tr><th>overlay</th><th>VLNV</th>"
                + "<th>description</th><th>where</th></tr></thead><tbody>");
        for (OverlaySummary e : found) {
            text.append(System.lineSeparator()).append(e);
            html.append("<tr><td><b>").append(Html.escape(e.name())).append("</b></td><td>").append(Html.escape(e.vlnv()))
                    .append("</td><td>").append(Html.escape(e.isValid() ? e.description() : "INVALID: " + e.problem()))
                    .append("</td><td>").append(Html.escape(e.location())).append("</td></tr>");
        }
        return new View(html.append("</tbody></table>").toString(), text.toString());
    }
}
