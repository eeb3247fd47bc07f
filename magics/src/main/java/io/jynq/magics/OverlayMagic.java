package io.jynq.magics;

import io.jynq.config.InvalidSettingException;
import io.jynq.device.Device;
import io.jynq.device.PlState;
import io.jynq.overlay.LoadOptions;
import io.jynq.overlay.Overlay;
import io.jynq.render.Html;
import io.jynq.render.ProgressReporter;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * {@code %overlay load NAME|PATH [as VAR] [--hwh PATH] [--no-download] [--ignore-version]}: loads
 * an overlay (search order of {@code Overlay.load}; paths expand {@code ~}, {@code $VAR} and
 * {@code ${VAR:-default}} as a shell would), compiles its typed facade in the session and binds it
 * to {@code VAR} (default {@code ol}), with a typed member per device of the overlay's package
 * ({@code ol.dsp_loopback.add(2, 40)}, opened on first call); shows the overlay. {@code %overlay} alone shows the PL
 * state: which bitstream the board holds, since when, and the overlay this session loaded.
 * {@code %overlay facade VAR} gives the overlay a cell made ({@code var base = new BaseOverlay("base.bit")},
 * an {@code Overlay} subclass of the notebook's own) its typed facade in {@code VAR}, keeping the
 * subclass's fields and methods.
 */
public final class OverlayMagic implements LineMagic {
    static final String USAGE = "%overlay load NAME|PATH [as VAR] [--hwh PATH] [--no-download] [--ignore-version]"
            + "  |  %overlay facade VAR  |  %overlay";

    @Override
    public String name() {
        return "overlay";
    }

    @Override
    public String help() {
        return "load an overlay and bind its typed facade (default variable ol); alone: the PL state";
    }

    @Override
    public String usage() {
        return USAGE;
    }

    @Override
    public Object eval(MagicContext ctx, List<String> args) {
        MagicArgs a = MagicArgs.parse(args, Set.of("--no-download", "--ignore-version"), Set.of("--hwh"), USAGE);
        List<String> pos = a.positional();
        if (pos.isEmpty()) {
            return plState();
        }
        if (pos.get(0).equals("facade")) {
            if (pos.size() != 2 || !io.jynq.facade.JavaNames.isIdentifier(pos.get(1))) {
                throw new MagicUsageException("expected %overlay facade VAR, VAR a variable holding an overlay, e.g."
                        + " %overlay facade base");
            }
            String v = pos.get(1);
            ctx.evalJava(FacadeBinder.class.getName() + ".rebind(\"" + Handoff.put(ctx) + "\", " + v + ", \"" + v + "\");");
            return null;
        }
        if (!pos.get(0).equals("load") || pos.size() < 2) {
            throw new MagicUsageException("unknown %overlay command \"" + String.join(" ", pos) + "\": " + USAGE);
        }
        String variable = "ol";
        if (pos.size() == 4 && pos.get(2).equals("as")) {
            variable = pos.get(3);
        } else if (pos.size() != 2) {
            throw new MagicUsageException("expected %overlay load " + pos.get(1) + " [as VAR], got \"" + String.join(" ", pos)
                    + "\" (quote a path with spaces)");
        }
        if (!io.jynq.facade.JavaNames.isIdentifier(variable)) {
            throw new MagicUsageException("\"" + variable + "\" cannot be a variable: %overlay load " + pos.get(1) + " as ol");
        }
        LoadOptions options = LoadOptions.defaults();
        if (a.flag("--no-download")) {
            options = options.withoutDownload();
        }
        if (a.flag("--ignore-version")) {
            options = options.withIgnoreVersion();
        }
        if (a.option("--hwh", null) != null) {
            options = options.withHwh(Path.of(PathArgs.expand(a.option("--hwh", null), System.getenv())));
        }
        String target = PathArgs.expand(pos.get(1), System.getenv());
        Overlay ol;
        // a progress bar per step (parse, download), in the notebook or as a text bar in JShell
        Path file = Path.of(target).getFileName();
        try (ProgressReporter progress = ProgressReporter.items(file == null ? target : file.toString())) {
            ol = Overlay.load(target, options.withProgress(progress::progress));
        } catch (IllegalArgumentException | InvalidSettingException e) {
            throw new MagicUsageException(e.getMessage() + "; %overlays lists the overlays found");
        }
        LoadedOverlay.set(ol);
        if (ol.isLoaded()) {
            FacadeBinder.Bound bound = FacadeBinder.bind(ctx, ol, variable);
            StringBuilder line = new StringBuilder(variable + " = " + bound.className() + " (typed facade; Tab after "
                    + variable + ". lists the IP");
            for (var d : bound.deviceFields().entrySet()) {
                line.append("; ").append(variable).append('.').append(d.getValue()).append(" calls the operations of device ")
                        .append(d.getKey());
            }
            ctx.out().println(line.append(')'));
        } else {
            ctx.bind(variable, Overlay.class.getName(), ol);
            ctx.out().println(variable + " = Overlay, not loaded on the PL: " + variable
                    + ".download(), then %overlay load " + pos.get(1) + " for the typed facade");
        }
        return ol;
    }

    /** The PL state as a view. */
    static View plState() {
        Device d = Device.active();
        PlState s = d.plState();
        Overlay ol = LoadedOverlay.get();
        String holds = s.isProgrammed() ? s.bitfileName() + " since " + s.timestamp() : "nothing (not programmed)";
        String mine = ol == null ? "none loaded in this session" : ol + (ol.isLoaded() ? "" : " (the PL holds something else now)");
        // the partial designs in its regions, as every process sees them (the shared PL state)
        StringBuilder regions = new StringBuilder();
        for (PlState.PartialRegion r : s.regions()) {
            regions.append(regions.length() == 0 ? "" : ", ").append(r.region().isEmpty() ? "(no region named)" : r.region())
                    .append(" \u2190 ").append(r.bitfileName());
        }
        String partial = regions.length() == 0 ? "" : "partial regions: " + regions;
        String text = "device " + d.name() + ": PL holds " + holds + (partial.isEmpty() ? "" : "\n" + partial)
                + "\noverlay: " + mine;
        String html = "<div class=\"jynq-pl\">device <b>" + Html.escape(d.name()) + "</b>: PL holds <code>"
                + Html.escape(holds) + "</code>" + (partial.isEmpty() ? "" : "<br>" + Html.escape(partial))
                + "<br>overlay: " + Html.escape(mine) + "</div>";
        return new View(html, text);
    }
}
