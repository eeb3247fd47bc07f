package io.jynq.magics;

import io.jynq.metadata.IpDescription;
import io.jynq.overlay.Overlay;
import io.jynq.render.overlay.IpHtml;
import java.util.List;
import java.util.Set;

/**
 * {@code %ip NAME}: one IP of the loaded overlay: its VLNV, address range, interrupts, bound
 * driver and the register map the {@code .hwh} gives (offsets, widths, access, fields). Reads no
 * register; {@code %registers NAME} shows live values.
 */
public final class IpMagic implements LineMagic {
    static final String USAGE = "%ip NAME";

    @Override
    public String name() {
        return "ip";
    }

    @Override
    public String help() {
        return "an IP's description and register map as a table";
    }

    @Override
    public String usage() {
        return USAGE;
    }

    @Override
    public Object eval(MagicContext ctx, List<String> args) {
        MagicArgs a = MagicArgs.parse(args, Set.of(), Set.of(), USAGE);
        Overlay ol = LoadedOverlay.require("%ip");
        IpDescription d = LoadedOverlay.oneIp(ol, a.positional(), "%ip", USAGE);
        String driver = ol.isLoaded() ? ol.ip(d.name()).getClass().getSimpleName() : null;
        return new View(IpHtml.html(d, driver), IpHtml.text(d, driver));
    }
}
