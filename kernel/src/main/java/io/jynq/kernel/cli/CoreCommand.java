package io.jynq.kernel.cli;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonPrimitive;
import com.google.gson.JsonSerializer;
import io.jynq.capi.Core;
import io.jynq.capi.CoreSections;
import io.jynq.capi.CoreVlnv;
import io.jynq.capi.FileEntry;
import io.jynq.capi.Fileset;
import io.jynq.capi.Flags;
import io.jynq.capi.GeneratorInstance;
import io.jynq.capi.Parameter;
import io.jynq.capi.ResolvedTarget;
import io.jynq.capi.Script;
import io.jynq.capi.Target;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ./jynq core FILE.core [--flags a,b] [--target T] [--json]}: reads a FuseSoC CAPI2 core,
 * prints its name, filesets, targets and parameters, and with {@code --target} the target's
 * resolved files, parameters, hooks and generators for the given flags. Exit status 1 with a
 * {@code file:line:column: message} line when the core is invalid.
 */
@Command(name = "core", mixinStandardHelpOptions = true,
        description = "Show a FuseSoC CAPI2 core and, with --target, a target's resolved files.")
public final class CoreCommand extends CliCommand {

    @Parameters(index = "0", paramLabel = "FILE.core", description = "the core file")
    Path file;

    @Option(names = "--flags", split = ",", paramLabel = "FLAG",
            description = "user flags: name (set true) or name=value, e.g. --flags mdu,tool=verilator")
    List<String> flags = new ArrayList<>();

    @Option(names = "--target", paramLabel = "T", description = "resolve this target as the top-level core")
    String target;

    @Option(names = "--json", description = "print JSON instead of text")
    boolean json;

    @Override
    void run(PrintWriter out) {
        Core core = Core.parse(file);
        Flags user = userFlags();
        if (target == null) {
            if (json) {
                out.println(gson().toJson(core.sections()));
            } else {
                printCore(out, core.sections());
            }
        } else {
            ResolvedTarget r = core.resolve(target, user);
            if (json) {
                out.println(gson().toJson(r));
            } else {
                printTarget(out, r);
            }
        }
    }

    private Flags userFlags() {
        Flags f = Flags.of();
        for (String s : flags) {
            int eq = s.indexOf('=');
            if (s.isBlank()) {
                continue;
            }
            f = eq < 0 ? f.with(s.trim()) : f.with(s.substring(0, eq).trim(), s.substring(eq + 1).trim());
        }
        return f;
    }

    /** Pretty JSON; VLNVs as strings, durations in ISO-8601 (PT0.05S), D2L types by their YAML names. */
    static Gson gson() {
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeSpecialFloatingPointValues()
                .serializeNulls()
                .registerTypeAdapter(CoreVlnv.class, (JsonSerializer<CoreVlnv>) (v, t, c) -> new JsonPrimitive(v.toString()))
                .registerTypeAdapter(java.time.Duration.class,
                        (JsonSerializer<java.time.Duration>) (v, t, c) -> new JsonPrimitive(v.toString()))
                .registerTypeAdapter(io.jynq.d2l.ArgType.class,
                        (JsonSerializer<io.jynq.d2l.ArgType>) (v, t, c) -> new JsonPrimitive(v.yamlName()))
                .create();
    }

    private static void printCore(PrintWriter out, CoreSections c) {
        out.println(c.name() + (c.description().isEmpty() ? "" : "  " + c.description()));
        if (c.license() != null) {
            out.println("license: " + c.license().name());
        }
        out.println("filesets (" + c.filesets().size() + "): " + String.join(", ", c.filesets().keySet()));
        out.println("targets (" + c.targets().size() + "):");
        int w = c.targets().keySet().stream().mapToInt(String::length).max().orElse(0);
        for (Target t : c.targets().values()) {
            String tool = !t.defaultTool().isEmpty() ? t.defaultTool() : t.flow().isEmpty() ? "" : "flow " + t.flow();
            out.printf("  %-" + w + "s  %-14s %s%n", t.name(), tool, t.description());
        }
        out.println("parameters (" + c.parameters().size() + "): " + String.join(", ", c.parameters().keySet()));
        if (!c.generate().isEmpty()) {
            out.println("generate: " + String.join(", ", c.generate().keySet()));
        }
        if (!c.scripts().isEmpty()) {
            out.println("scripts: " + String.join(", ", c.scripts().keySet()));
        }
    }

    private static void printTarget(PrintWriter out, ResolvedTarget r) {
        out.println(r.core() + " target " + r.target() + (r.tool().isEmpty() ? "" : " (tool " + r.tool() + ")")
                + (r.flow().isEmpty() ? "" : " (flow " + r.flow() + ")"));
        out.println("flags defined: " + String.join(", ", r.flags().defined()));
        if (!r.toplevel().isEmpty()) {
            out.println("toplevel: " + String.join(" ", r.toplevel()));
        }
        out.println("filesets: " + String.join(", ", r.filesets().stream().map(Fileset::name).toList()));
        out.println("files (" + r.files().size() + "):");
        int w = r.files().stream().mapToInt(f -> f.name().length()).max().orElse(0);
        for (FileEntry f : r.files()) {
            StringBuilder extra = new StringBuilder();
            if (f.isIncludeFile()) {
                extra.append(" include");
            }
            if (!f.logicalName().isEmpty()) {
                extra.append(" logical_name=").append(f.logicalName());
            }
            if (!f.copyto().isEmpty()) {
                extra.append(" copyto=").append(f.copyto());
            }
            out.printf("  %-" + w + "s  %s%s%n", f.name(), f.fileType(), extra);
        }
        if (!r.parameters().isEmpty()) {
            out.println("parameters:");
            int pw = r.parameters().keySet().stream().mapToInt(String::length).max().orElse(0);
            for (Parameter p : r.parameters().values()) {
                out.printf("  %-" + pw + "s  %s %s%s%n", p.name(), p.datatype(), p.paramtype(),
                        p.defaultValue() == null ? "" : " = " + p.defaultValue());
            }
        }
        if (!r.depends().isEmpty()) {
            out.println("depends: " + String.join(", ", r.depends().stream().map(CoreVlnv::depString).toList()));
        }
        for (Map.Entry<String, List<Script>> h : r.hooks().entrySet()) {
            for (Script s : h.getValue()) {
                out.println("hook " + h.getKey() + ": " + s.name() + " (" + String.join(" ", s.cmd()) + ")");
            }
        }
        for (GeneratorInstance g : r.generate()) {
            out.println("generate: " + g.name() + " (" + g.generator() + ", " + g.position() + ") " + g.config());
        }
        if (!r.toolOptions().isEmpty()) {
            out.println("tool options: " + r.toolOptions());
        }
        if (!r.flowOptions().isEmpty()) {
            out.println("flow options: " + r.flowOptions());
        }
        if (!r.filters().isEmpty()) {
            out.println("filters: " + String.join(", ", r.filters()));
        }
    }
}
