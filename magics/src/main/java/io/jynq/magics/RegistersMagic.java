package io.jynq.magics;

import io.jynq.metadata.IpDescription;
import io.jynq.mmio.RegisterMap;
import io.jynq.overlay.Overlay;
import io.jynq.render.overlay.RegisterMapHtml;
import java.util.List;
import java.util.Set;

/**
 * {@code %registers NAME}: the live values of an IP's registers, each field decoded. Reads every
 * readable register once (a clear-on-read bit such as an HLS block's AP_DONE is cleared by it).
 */
public final class RegistersMagic implements LineMagic {
    static final String USAGE = "%registers NAME";

    @Override
    public String name() {
        return "registers";
    }

    @Override
    public String help() {
        return "live register values of an IP, fields decoded";
    }

    @Override
    public String usage() {
        return USAGE;
    }

    @Override
    public Object eval(MagicContext ctx, List<String> args) {
        MagicArgs a = MagicArgs.parse(args, Set.of(), Set.of(), USAGE);
        Overlay ol = LoadedOverlay.require("%registers");
        IpDescription d = LoadedOverlay.oneIp(ol, a.positional(), "%registers", USAGE);
        if (!ol.isLoaded()) {
            throw new MagicUsageException(ol.name() + " is not on the PL, its registers cannot be read; %overlay load " + ol.name()
                    + " downloads it");
        }
        if (d.registers().isEmpty()) {
            throw new MagicUsageException(d.name() + " (" + d.type() + ") has no register map in the .hwh; read words with "
                    + "ol.ip(\"" + d.name() + "\").read(offset) instead");
        }
        RegisterMap rm = ol.ip(d.name()).registers();
        return new View(RegisterMapHtml.html(rm), RegisterMapHtml.text(rm));
    }
}
