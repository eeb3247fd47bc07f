package io.jynq.magics;

import io.jynq.render.Html;
import java.util.List;
import java.util.Set;

/**
 * {@code %overlays}: the overlays {@code %overlay load NAME} can find (bundled, working
 * directory, {@code JYNQ_OVERLAY_PATH}), each with where it is and its description.
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
        List<OverlayCatalog.Entry> found = OverlayCatalog.find();
        StringBuilder text = new StringBuilder(found.size() + " overlays found");
        StringBuilder html = new StringBuilder("<table class=\"jynq-overlays\"><thead><tr><th>overlay</th><th>where</th>"
                + "<th>description</th></tr></thead><tbody>");
        for (OverlayCatalog.Entry e : found) {
            text.append(String.format("%n  %-24s %-10s %s", e.name(), e.where(), e.description()));
            html.append("<tr><td><b>").append(Html.escape(e.name())).append("</b></td><td>").append(Html.escape(e.where()))
                    .append("</td><td>").append(Html.escape(e.description())).append("</td></tr>");
        }
        return new View(html.append("</tbody></table>").toString(), text.toString());
    }
}
