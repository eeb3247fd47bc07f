package io.jynq.ffi.rtl;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What Verilator builds: the toplevel, its sources in compile order, the include files (their
 * folders become {@code -I} options; their contents are part of the cache key), {@code `define}s,
 * toplevel parameter overrides and the core's own Verilator options (e.g. {@code -Wno-WIDTH}).
 *
 * @param top the toplevel module name
 * @param sources Verilog or SystemVerilog files, absolute
 * @param includeFiles files that sources {@code `include}, absolute
 * @param defines {@code +define+NAME=VALUE}, in order
 * @param parameters {@code -GNAME=VALUE}, in order; a string value carries its quotes
 * @param options extra Verilator arguments, in order
 */
public record RtlBuildSpec(String top, List<Path> sources, List<Path> includeFiles, Map<String, String> defines,
        Map<String, String> parameters, List<String> options) {

    public RtlBuildSpec {
        sources = List.copyOf(sources);
        includeFiles = List.copyOf(includeFiles);
        defines = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(defines));
        parameters = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(parameters));
        options = List.copyOf(options);
    }

    /** The Verilator arguments every run of this spec shares. */
    List<String> arguments() {
        List<String> a = new java.util.ArrayList<>(List.of("--top-module", top));
        includeFiles.stream().map(f -> "-I" + f.getParent()).distinct().forEach(a::add);
        defines.forEach((k, v) -> a.add("+define+" + k + (v == null ? "" : "=" + v)));
        parameters.forEach((k, v) -> a.add("-G" + k + "=" + v));
        a.addAll(options);
        sources.forEach(s -> a.add(s.toString()));
        return a;
    }
}
