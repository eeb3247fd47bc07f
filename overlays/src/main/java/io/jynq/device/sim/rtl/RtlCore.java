package io.jynq.device.sim.rtl;

import io.jynq.capi.CapiException;
import io.jynq.capi.Core;
import io.jynq.capi.CoreLibrary;
import io.jynq.capi.FileEntry;
import io.jynq.capi.Flags;
import io.jynq.capi.Parameter;
import io.jynq.config.JynqConfig;
import io.jynq.config.Setting;
import io.jynq.error.SourcePosition;
import io.jynq.ffi.rtl.RtlBuildSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A FuseSoC core's target as Verilator builds it, resolved as FuseSoC resolves it for
 * {@code fusesoc run --target=T --tool=verilator}: the target's filesets, their {@code depend}s
 * found in a core library (the core's folder, the folders given, then {@code JYNQ_CORES_PATH}),
 * dependencies first; {@code vlogparam} parameters as toplevel parameters and {@code vlogdefine}
 * as defines; Verilog include files as include folders; the target's toplevel; and
 * {@code tools: verilator: verilator_options} passed on. VHDL is refused: Verilator reads only
 * Verilog and SystemVerilog.
 */
public final class RtlCore {
    private RtlCore() {}

    /**
     * Resolves {@code target} of the core at {@code coreFile}.
     *
     * @param target the target, e.g. {@code sim}; when the core has no such target and
     *     {@code target} is {@code sim}, its {@code default} target
     * @param overrides toplevel parameters by name (Integer, Long, Boolean or String); a name the
     *     target does not list is passed as a {@code vlogparam}
     * @param libraryFolders more folders to look for dependencies in (an overlay package), searched
     *     after the core's own
     * @throws CapiException at the core's file and line for a missing target, dependency,
     *     toplevel, or a VHDL file
     */
    public static RtlBuildSpec resolve(Path coreFile, String target, Map<String, ?> overrides, List<Path> libraryFolders) {
        Core root = Core.parse(coreFile);
        Path dir = coreFile.toAbsolutePath().getParent();
        String t = target;
        if (!root.sections().targets().containsKey(t) && t.equals("sim") && root.sections().targets().containsKey("default")) {
            t = "default";
        }
        List<Path> folders = new ArrayList<>(List.of(dir));
        folders.addAll(libraryFolders);
        folders.addAll(JynqConfig.current().pathList(Setting.CORES_PATH));
        List<CoreLibrary.ResolvedCore> cores = CoreLibrary.of(folders).resolve(root, t, Flags.of().tool("verilator"));
        CoreLibrary.ResolvedCore top = cores.get(cores.size() - 1);
        SourcePosition at = new SourcePosition(root.file(), 1, 1);
        if (top.target().toplevel().isEmpty()) {
            throw new CapiException(at, "target \"" + t + "\" of " + root.name() + " names no toplevel; add toplevel: <module>");
        }
        List<Path> sources = new ArrayList<>();
        List<Path> includes = new ArrayList<>();
        for (CoreLibrary.ResolvedCore rc : cores) {
            Path base = Path.of(rc.core().file()).toAbsolutePath().getParent();
            for (FileEntry f : rc.target().files()) {
                String type = f.fileType();
                Path p = base.resolve(f.name()).normalize();
                if (type.startsWith("vhdlSource")) {
                    throw new CapiException(f.at(), f.name() + " is " + type + ": Verilator simulates Verilog and"
                            + " SystemVerilog only; convert it (e.g. with GHDL's synth --out=verilog) or model the IP in Java");
                }
                if (type.startsWith("verilogSource") || type.startsWith("systemVerilogSource")) {
                    (f.isIncludeFile() ? includes : sources).add(p);
                }
            }
        }
        if (sources.isEmpty()) {
            throw new CapiException(at, "target \"" + t + "\" of " + root.name() + " has no Verilog or SystemVerilog source");
        }
        Map<String, String> params = new LinkedHashMap<>();
        Map<String, String> defines = new LinkedHashMap<>();
        Map<String, Parameter> declared = top.target().parameters();
        declared.forEach((name, p) -> {
            if (p.defaultValue() != null) {
                (p.paramtype().equals("vlogdefine") ? defines : params).put(name, verilog(p.defaultValue()));
            }
        });
        overrides.forEach((name, v) -> {
            Parameter p = declared.get(name);
            (p != null && p.paramtype().equals("vlogdefine") ? defines : params).put(name, verilog(v));
        });
        params.keySet().removeIf(n -> declared.containsKey(n) && !declared.get(n).paramtype().equals("vlogparam")
                && !overrides.containsKey(n));
        List<String> options = new ArrayList<>();
        Object opts = top.target().toolOptions().get("verilator_options");
        if (opts instanceof List<?> l) {
            l.forEach(o -> options.add(o.toString()));
        }
        return new RtlBuildSpec(top.target().toplevel().get(0), sources, includes, defines, params, options);
    }

    /** A value as Verilator's {@code -G} and {@code +define+} take it: 1/0 for booleans, strings quoted. */
    private static String verilog(Object v) {
        if (v instanceof Boolean b) {
            return b ? "1" : "0";
        }
        if (v instanceof Number) {
            return v.toString();
        }
        String s = v.toString();
        return s.matches("-?\\d+|\\d+'[bBoOdDhH][0-9a-fA-F_xXzZ]+") ? s : "\"" + s.replace("\"", "\\\"") + "\"";
    }
}
