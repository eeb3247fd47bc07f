package io.jynq.kernel.cli;

import io.jynq.d2l.D2lFile;
import io.jynq.d2l.DeviceDescription;
import io.jynq.d2l.Operation;
import io.jynq.overlay.pkg.FileRole;
import io.jynq.overlay.pkg.FoundOverlay;
import io.jynq.overlay.pkg.OverlayFinder;
import io.jynq.overlay.pkg.OverlayPackage;
import io.jynq.overlay.pkg.OverlaySummary;
import io.jynq.overlay.pkg.PackageFile;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ./jynq overlays [NAME] [--json]}: without NAME, every overlay {@link OverlayFinder}
 * lists, one line each exactly as {@code %overlays} prints them; with NAME (what
 * {@code Overlay.load} takes: a name, file name, VLNV, folder or {@code .core}), that package's
 * files by role and its devices' operations, or the bitstream and {@code .hwh} found. Exit status 1 with one message when NAME is not
 * found or its core or device descriptions are invalid.
 */
@Command(name = "overlays", mixinStandardHelpOptions = true,
        description = "List the overlays Overlay.load finds, or show one overlay's files and device operations.")
public final class OverlaysCommand extends CliCommand {

    @Parameters(index = "0", arity = "0..1", paramLabel = "NAME", description = "an overlay name, file name, VLNV, folder or .core")
    String name;

    @Option(names = "--json", description = "print JSON")
    boolean json;

    @Override
    void run(PrintWriter out) {
        OverlayFinder finder = OverlayFinder.standard();
        if (name == null) {
            List<OverlaySummary> all = finder.list();
            out.println(json ? CoreCommand.gson().toJson(all) : render(all, finder));
            return;
        }
        FoundOverlay found = finder.find(name);
        if (found.pkg().isPresent()) {
            OverlayPackage p = found.pkg().get();
            out.println(json ? CoreCommand.gson().toJson(toJson(p)) : render(p));
        } else {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("bitstream", found.bitstream().toString());
            m.put("hwh", found.hwh().toString());
            m.put("place", found.place());
            out.println(json ? CoreCommand.gson().toJson(m) : "bitstream: " + found.bitstream() + "\nhwh:       "
                    + found.hwh() + "\n(no package: no .core beside it; found in the " + found.place() + ")");
        }
    }

    private static String render(List<OverlaySummary> all, OverlayFinder finder) {
        if (all.isEmpty()) {
            return "no overlays (looked in " + finder.describePlaces() + ")";
        }
        StringBuilder sb = new StringBuilder();
        for (OverlaySummary s : all) {
            sb.append(s).append('\n');
        }
        return sb.toString().stripTrailing();
    }

    /** The longest role name and two spaces: DEVICE_DESCRIPTION ran into its file name at a fixed 18. */
    private static final int ROLE_COLUMN = Arrays.stream(FileRole.values())
            .mapToInt(r -> r.name().length()).max().orElse(0) + 2;

    private static String render(OverlayPackage p) {
        StringBuilder sb = new StringBuilder(p.vlnv().toString());
        sb.append(p.description().isEmpty() ? "" : "  " + p.description()).append('\n');
        sb.append("folder: ").append(p.folder()).append('\n');
        for (PackageFile f : p.files()) {
            sb.append("  ").append(String.format("%-" + ROLE_COLUMN + "s", f.role())).append(p.folder().relativize(f.path()))
                    .append(f.library().isEmpty() ? "" : "  (library " + f.library() + ")").append('\n');
        }
        for (D2lFile file : p.devices()) {
            for (DeviceDescription d : file.devices()) {
                sb.append("device ").append(d.name()).append(d.description().isEmpty() ? "" : "  " + d.description())
                        .append('\n');
                for (Operation op : d.operations()) {
                    sb.append("  ").append(op).append(op.atInit() ? "  [AT_INIT]" : "").append('\n');
                }
            }
        }
        return sb.toString().stripTrailing();
    }

    private static Map<String, Object> toJson(OverlayPackage p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("vlnv", p.vlnv().toString());
        m.put("name", p.name());
        m.put("description", p.description());
        m.put("folder", p.folder().toString());
        m.put("files", p.files().stream().map(f -> Map.of("path", p.folder().relativize(f.path()).toString(),
                "role", f.role().name(), "library", f.library())).toList());
        m.put("devices", p.devices().stream().flatMap(f -> f.devices().stream())
                .map(d -> Map.of("name", d.name(), "operations", d.operations().stream().map(Operation::toString).toList()))
                .toList());
        return m;
    }
}
