package io.jynq.capi;

import io.jynq.error.SourcePosition;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Resolves one target of an expanded core, following FuseSoC's {@code capi2/core.py}
 * (get_files, get_parameters, get_scripts, get_ttptttg, get_vpi...). A reference to something
 * missing (fileset, parameter, script, generate section) fails with the target's location, where
 * FuseSoC raises SyntaxError with the same wording.
 */
final class TargetResolver {
    private final CoreSections core;
    private final Target target;
    private final String targetName;
    private final Map<String, Parameter> external;

    private TargetResolver(CoreSections core, Target target, String targetName, Map<String, Parameter> external) {
        this.core = core;
        this.target = target;
        this.targetName = targetName;
        this.external = external;
    }

    /**
     * @param external parameters defined by the core's dependencies, which a target may name too
     *                 (FuseSoC's {@code ext_parameters})
     */
    static ResolvedTarget resolve(CoreSections expanded, Flags flags, SourcePosition coreAt,
            Map<String, Parameter> external) {
        String name = flags.selectedTarget();
        Target t = expanded.targets().get(name);
        if (t == null) {
            if (!name.equals("default")) {
                throw new CapiException(coreAt, "core " + expanded.name() + " has no target \"" + name + "\"; targets: "
                        + String.join(", ", expanded.targets().keySet()));
            }
            t = new Target(name, "", "", "", Map.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                    Map.of(), Map.of(), new Hooks(List.of(), List.of(), List.of(), List.of()), coreAt);
        }
        return new TargetResolver(expanded, t, name, external).resolve(flags);
    }

    private ResolvedTarget resolve(Flags flags) {
        String tool = tool(flags);
        List<Fileset> filesets = new ArrayList<>();
        List<FileEntry> files = new ArrayList<>();
        List<CoreVlnv> depends = new ArrayList<>();
        for (String fsName : target.filesets()) {
            Fileset fs = lookup(core.filesets(), fsName, "fileset");
            filesets.add(fs);
            files.addAll(fs.files());
            for (String d : fs.depend()) {
                try {
                    depends.add(CoreVlnv.parse(d));
                } catch (IllegalArgumentException e) {
                    throw new CapiException(fs.at(), "fileset \"" + fs.name() + "\" depends on " + e.getMessage(), e);
                }
            }
        }
        Map<String, Object> toolOptions = target.tools().getOrDefault(tool, Map.of());
        return new ResolvedTarget(core.name(), targetName, flags, tool, target.flow(), target.flowOptions(), toolOptions,
                target.toplevel(), filesets, files, depends, parameters(), hooks(), generate(), target.filters(), vpi());
    }

    private String tool(Flags flags) {
        Object t = flags.values().get("tool");
        if (t != null && !Boolean.FALSE.equals(t)) {
            return t.toString();
        }
        if (!target.defaultTool().isEmpty()) {
            return target.defaultTool();
        }
        Object ft = target.flowOptions().get("tool");
        return ft == null ? "" : ft.toString();
    }

    private <T> T lookup(Map<String, T> section, String name, String what) {
        T v = section.get(name);
        if (v == null) {
            String known = section.isEmpty() ? "the core defines none" : "known: " + String.join(", ", section.keySet());
            throw new CapiException(target.at(), capital(what) + " \"" + name + "\", requested by target \"" + targetName
                    + "\", was not found (" + known + ")");
        }
        return v;
    }

    private static String capital(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private Map<String, Parameter> parameters() {
        Map<String, Parameter> out = new LinkedHashMap<>();
        for (String ref : target.parameters()) {
            int eq = ref.indexOf('=');
            String name = eq < 0 ? ref : ref.substring(0, eq);
            if (name.isEmpty()) {
                continue;
            }
            Parameter p = core.parameters().containsKey(name) || !external.containsKey(name)
                    ? lookup(core.parameters(), name, "parameter") : external.get(name);
            if (!List.of("cmdlinearg", "generic", "plusarg", "vlogdefine", "vlogparam").contains(p.paramtype())) {
                throw new CapiException(p.at(), "parameter \"" + name + "\" has paramtype \"" + p.paramtype()
                        + "\"; expected one of cmdlinearg, generic, plusarg, vlogdefine, vlogparam");
            }
            Object value = p.defaultValue() == null ? null : typed(p, p.defaultValue(), p.at());
            if (eq >= 0) {
                value = typed(p, ref.substring(eq + 1), target.at());
            }
            if (value instanceof String s && s.isEmpty()) {
                value = null;
            }
            out.put(name, new Parameter(name, p.datatype(), p.paramtype(), value, p.description(), p.scope(), p.at()));
        }
        return out;
    }

    /** A value as its datatype wants it, as FuseSoC's {@code _parse_param_value}. */
    static Object typed(Parameter p, Object value, SourcePosition at) {
        String where = "parameter \"" + p.name() + "\" (" + p.datatype() + "): ";
        switch (p.datatype()) {
            case "bool" -> {
                if (value instanceof Boolean) {
                    return value;
                }
                String s = value.toString().toLowerCase(Locale.ROOT);
                if (s.equals("true") || s.equals("false")) {
                    return Boolean.valueOf(s);
                }
                throw new CapiException(at, where + "\"" + value + "\" is not true or false");
            }
            case "int" -> {
                if (value instanceof Long || value instanceof BigInteger) {
                    return value;
                }
                Object n = value instanceof String s ? pythonInt(s) : null;
                if (n == null) {
                    throw new CapiException(at, where + "\"" + value + "\" is not an integer (decimal, 0x, 0o or 0b)");
                }
                return n;
            }
            case "real" -> {
                if (value instanceof Double) {
                    return value;
                }
                try {
                    return Double.valueOf(value.toString().trim());
                } catch (NumberFormatException e) {
                    throw new CapiException(at, where + "\"" + value + "\" is not a number", e);
                }
            }
            default -> {
                return value.toString();
            }
        }
    }

    /** Python's {@code int(s, 0)}: optional sign, 0x/0o/0b prefixes, no leading zeros, single underscores. */
    private static Object pythonInt(String text) {
        String s = text.trim().toLowerCase(Locale.ROOT);
        boolean neg = s.startsWith("-");
        if (neg || s.startsWith("+")) {
            s = s.substring(1);
        }
        int radix = 10;
        if (s.startsWith("0x") || s.startsWith("0o") || s.startsWith("0b")) {
            radix = s.charAt(1) == 'x' ? 16 : s.charAt(1) == 'o' ? 8 : 2;
            s = s.substring(2);
            if (s.startsWith("_")) {
                s = s.substring(1);
            }
        } else if (s.length() > 1 && s.startsWith("0") && !s.chars().allMatch(c -> c == '0' || c == '_')) {
            return null;
        }
        if (s.isEmpty() || s.startsWith("_") || s.endsWith("_") || s.contains("__")) {
            return null;
        }
        try {
            BigInteger n = new BigInteger(s.replace("_", ""), radix);
            n = neg ? n.negate() : n;
            return n.bitLength() < 64 ? (Object) n.longValue() : n;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private Map<String, List<Script>> hooks() {
        Map<String, List<Script>> out = new LinkedHashMap<>();
        Hooks h = target.hooks();
        Map<String, List<String>> byHook = new LinkedHashMap<>();
        byHook.put("pre_build", h.preBuild());
        byHook.put("post_build", h.postBuild());
        byHook.put("pre_run", h.preRun());
        byHook.put("post_run", h.postRun());
        byHook.forEach((hook, names) -> {
            if (!names.isEmpty()) {
                List<Script> scripts = new ArrayList<>();
                for (String n : names) {
                    scripts.add(lookup(core.scripts(), n, "script"));
                }
                out.put(hook, scripts);
            }
        });
        return out;
    }

    /**
     * FuseSoC merges a target's generate parameters only when the section has parameters of its
     * own and otherwise drops them (servant's {@code ice40pll: {freq_out: 16}} would be lost); here
     * the target's parameters always apply.
     */
    private List<GeneratorInstance> generate() {
        List<GeneratorInstance> out = new ArrayList<>();
        for (GenerateRef ref : target.generate()) {
            Generate g = lookup(core.generate(), ref.name(), "generator instance");
            Map<String, Object> config = new LinkedHashMap<>(g.parameters());
            config.putAll(ref.params());
            out.add(new GeneratorInstance(g.name(), g.generator(), g.position(), config));
        }
        return out;
    }

    private List<VpiLibrary> vpi() {
        Map<String, VpiLibrary> byName = new TreeMap<>();
        for (String name : target.vpi()) {
            Vpi lib = core.vpi().get(name);
            List<String> src = new ArrayList<>();
            TreeSet<String> dirs = new TreeSet<>();
            List<String> libs = new ArrayList<>();
            if (lib != null) {
                for (String fsName : lib.filesets()) {
                    for (FileEntry f : lookup(core.filesets(), fsName, "fileset").files()) {
                        if (f.isIncludeFile()) {
                            int slash = f.name().lastIndexOf('/');
                            dirs.add(slash < 0 ? "" : f.name().substring(0, slash));
                        } else {
                            src.add(f.name());
                        }
                    }
                }
                libs.addAll(lib.libs());
            }
            byName.put(name, new VpiLibrary(name, src, List.copyOf(dirs), libs));
        }
        return List.copyOf(byName.values());
    }
}
