package io.jynq.capi;

import io.jynq.capi.YamlValue.Entry;
import io.jynq.capi.YamlValue.YamlMap;
import io.jynq.capi.YamlValue.YamlScalar;
import io.jynq.capi.YamlValue.YamlSeq;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;

/**
 * Checks a core (after inheritance, before appends, as FuseSoC does) against the CAPI2 schema of
 * FuseSoC's {@code capi2/json_schema.py} (draft 2020-12), written out as code so each failure names
 * the key, the line and column, the bad value and what was allowed. With
 * {@code allowAdditionalProperties}, unknown keys pass, as FuseSoC's parser option of that name.
 */
final class CoreSchema {
    private static final Set<String> TOP = Set.of("name", "description", "license", "filesets", "targets",
            "parameters", "generate", "generators", "scripts", "provider", "vpi", "virtual", "mapping");
    private static final Set<String> DATATYPES = Set.of("bool", "file", "int", "real", "str");
    /** Provider name to its required keys then its optional keys (every provider also takes patches, cachable). */
    private static final Map<String, List<Set<String>>> PROVIDERS = Map.of(
            "github", List.of(Set.of("user", "repo", "version"), Set.of()),
            "local", List.of(Set.of(), Set.of()),
            "git", List.of(Set.of("repo"), Set.of("version")),
            "opencores", List.of(Set.of("repo_name", "repo_root", "revision"), Set.of()),
            "svn", List.of(Set.of("url"), Set.of("revision", "ignore_externals")),
            "url", List.of(Set.of("url", "filetype"), Set.of("user-agent", "verify_cert")));

    private final boolean allowAdditional;

    CoreSchema(boolean allowAdditional) {
        this.allowAdditional = allowAdditional;
    }

    void validate(YamlValue root) {
        YamlMap top = map(root, "the core");
        if (top.get("name") == null) {
            throw new CapiException(top.at(), "the core has no \"name\" (a VLNV such as vendor:library:name:1.0)");
        }
        for (Entry e : top.entries()) {
            YamlValue v = e.value();
            switch (e.key()) {
                case "name", "description" -> string(v, "\"" + e.key() + "\"");
                case "license" -> license(v);
                case "filesets" -> named(v, "filesets", this::fileset);
                case "targets" -> named(v, "targets", this::target);
                case "parameters" -> named(v, "parameters", this::parameter);
                case "generate" -> named(v, "generate", this::generate);
                case "generators" -> named(v, "generators", this::generator);
                case "scripts" -> named(v, "scripts", this::script);
                case "vpi" -> named(v, "vpi", this::vpi);
                case "provider" -> provider(v);
                case "virtual" -> stringList(v, "\"virtual\"");
                case "mapping" -> named(v, "mapping", (n, x) -> string(x, "mapping \"" + n + "\""));
                default -> unknown(e, "the core", TOP);
            }
        }
    }

    private void license(YamlValue v) {
        if (v instanceof YamlMap m) {
            keys(m, "license", Set.of("name", "text"), Set.of("name", "text"));
            string(m.get("name"), "license name");
            string(m.get("text"), "license text");
        } else {
            string(v, "\"license\" (an SPDX identifier or {name, text})");
        }
    }

    private void fileset(String name, YamlValue v) {
        String where = "fileset \"" + name + "\"";
        YamlMap m = map(v, where);
        for (Entry e : m.entries()) {
            switch (e.key()) {
                case "file_type", "logical_name" -> string(e.value(), where + " " + e.key());
                case "tags", "depend", "depend_append" -> stringList(e.value(), where + " " + e.key());
                case "files", "files_append" -> files(e.value(), where + " " + e.key());
                default -> unknown(e, where, Set.of("file_type", "logical_name", "tags", "files", "files_append",
                        "depend", "depend_append"));
            }
        }
    }

    private void files(YamlValue v, String where) {
        YamlSeq seq = seq(v, where);
        if (seq.items().isEmpty()) {
            throw new CapiException(v.at(), where + " is empty; FuseSoC needs at least one file"
                    + " (leave \"files\" out instead)");
        }
        for (YamlValue item : seq.items()) {
            if (item instanceof YamlScalar s && s.isString()) {
                continue;
            }
            if (!(item instanceof YamlMap fm) || fm.entries().size() != 1) {
                throw new CapiException(item.at(), "a file in " + where + " must be a path or a one-key mapping"
                        + " {path: {attributes}}, found " + YamlValue.typeName(item));
            }
            Entry file = fm.entries().get(0);
            String fw = "file \"" + file.key() + "\"";
            YamlMap attrs = map(file.value(), "the attributes of " + fw);
            for (Entry a : attrs.entries()) {
                switch (a.key()) {
                    case "file_type", "logical_name", "include_path", "copyto" -> string(a.value(), fw + " " + a.key());
                    case "is_include_file" -> bool(a.value(), fw + " is_include_file");
                    case "tags" -> stringList(a.value(), fw + " tags");
                    case "define" -> named(a.value(), fw + " define", (n, x) -> scalarNotNull(x, "define " + n));
                    default -> unknown(a, fw, Set.of("file_type", "logical_name", "is_include_file", "include_path",
                            "define", "tags", "copyto"));
                }
            }
        }
    }

    private void target(String name, YamlValue v) {
        String where = "target \"" + name + "\"";
        YamlMap m = map(v, where);
        for (Entry e : m.entries()) {
            String k = e.key();
            YamlValue x = e.value();
            switch (stripAppend(k)) {
                case "default_tool", "description", "flow" -> notAppend(e, where, () -> string(x, where + " " + k));
                case "flow_options", "flags" -> notAppend(e, where, () -> named(x, where + " " + k, this::anyType));
                case "hooks" -> notAppend(e, where, () -> hooks(x, where));
                case "tools" -> notAppend(e, where, () -> named(x, where + " tools",
                        (tool, opts) -> named(opts, where + " tools " + tool, this::anyType)));
                case "toplevel" -> notAppend(e, where, () -> {
                    if (x instanceof YamlSeq) {
                        stringList(x, where + " toplevel");
                    } else {
                        string(x, where + " toplevel (a string or a list of strings)");
                    }
                });
                case "filesets", "filters", "parameters", "vpi" -> stringList(x, where + " " + k);
                case "generate" -> {
                    for (YamlValue g : seq(x, where + " " + k).items()) {
                        if (!(g instanceof YamlMap) && !(g instanceof YamlScalar s && s.isString())) {
                            throw new CapiException(g.at(), where + " " + k + ": expected a generate name or"
                                    + " {name: {parameters}}, found " + YamlValue.typeName(g));
                        }
                    }
                }
                default -> unknown(e, where, Set.of("default_tool", "description", "flow", "flow_options", "flags",
                        "hooks", "tools", "toplevel", "filesets", "filters", "parameters", "vpi", "generate",
                        "filesets_append", "filters_append", "parameters_append", "vpi_append", "generate_append"));
            }
        }
    }

    private void hooks(YamlValue v, String where) {
        YamlMap m = map(v, where + " hooks");
        for (Entry e : m.entries()) {
            switch (stripAppend(e.key())) {
                case "pre_build", "post_build", "pre_run", "post_run" -> stringList(e.value(), where + " hooks " + e.key());
                default -> unknown(e, where + " hooks", Set.of("pre_build", "post_build", "pre_run", "post_run",
                        "pre_build_append", "post_build_append", "pre_run_append", "post_run_append"));
            }
        }
    }

    private void parameter(String name, YamlValue v) {
        String where = "parameter \"" + name + "\"";
        YamlMap m = map(v, where);
        for (String required : List.of("datatype", "paramtype")) {
            if (m.get(required) == null) {
                throw new CapiException(m.at(), where + " has no \"" + required + "\"; "
                        + (required.equals("datatype") ? "datatype is one of " + new TreeSet<>(DATATYPES)
                        : "paramtype is one of cmdlinearg, generic, plusarg, vlogdefine, vlogparam"));
            }
        }
        for (Entry e : m.entries()) {
            switch (e.key()) {
                case "datatype" -> oneOf(e.value(), where + " datatype", DATATYPES);
                case "paramtype", "description", "scope" -> string(e.value(), where + " " + e.key());
                case "default" -> scalarNotNull(e.value(), where + " default");
                default -> unknown(e, where, Set.of("datatype", "paramtype", "default", "description", "scope"));
            }
        }
    }

    private void generate(String name, YamlValue v) {
        String where = "generate \"" + name + "\"";
        YamlMap m = map(v, where);
        if (m.get("generator") == null) {
            throw new CapiException(m.at(), where + " has no \"generator\" (the name of a generator)");
        }
        for (Entry e : m.entries()) {
            switch (e.key()) {
                case "generator" -> string(e.value(), where + " generator");
                case "position" -> oneOf(e.value(), where + " position", Set.of("first", "prepend", "append", "last"));
                case "parameters" -> map(e.value(), where + " parameters");
                default -> unknown(e, where, Set.of("generator", "position", "parameters"));
            }
        }
    }

    private void generator(String name, YamlValue v) {
        String where = "generator \"" + name + "\"";
        YamlMap m = map(v, where);
        if (m.get("command") == null) {
            throw new CapiException(m.at(), where + " has no \"command\"");
        }
        for (Entry e : m.entries()) {
            switch (e.key()) {
                case "command", "interpreter", "file_input_parameters", "description", "usage" ->
                        string(e.value(), where + " " + e.key());
                case "cache_type" -> oneOf(e.value(), where + " cache_type", Set.of("none", "input", "generator"));
                default -> unknown(e, where, Set.of("command", "interpreter", "cache_type", "file_input_parameters",
                        "description", "usage"));
            }
        }
    }

    private void script(String name, YamlValue v) {
        String where = "script \"" + name + "\"";
        YamlMap m = map(v, where);
        for (Entry e : m.entries()) {
            switch (stripAppend(e.key())) {
                case "cmd", "filesets" -> stringList(e.value(), where + " " + e.key());
                case "env" -> notAppend(e, where, () -> named(e.value(), where + " env", (n, x) -> string(x, "env " + n)));
                default -> unknown(e, where, Set.of("cmd", "cmd_append", "filesets", "filesets_append", "env"));
            }
        }
    }

    private void vpi(String name, YamlValue v) {
        String where = "vpi \"" + name + "\"";
        for (Entry e : map(v, where).entries()) {
            switch (stripAppend(e.key())) {
                case "filesets", "libs" -> stringList(e.value(), where + " " + e.key());
                default -> unknown(e, where, Set.of("filesets", "filesets_append", "libs", "libs_append"));
            }
        }
    }

    private void provider(YamlValue v) {
        YamlMap m = map(v, "provider");
        YamlValue name = m.get("name");
        if (name == null) {
            throw new CapiException(m.at(), "provider has no \"name\"; one of " + new TreeSet<>(PROVIDERS.keySet()));
        }
        oneOf(name, "provider name", PROVIDERS.keySet());
        List<Set<String>> spec = PROVIDERS.get((String) ((YamlScalar) name).value());
        Set<String> allowed = new TreeSet<>(spec.get(0));
        allowed.addAll(spec.get(1));
        allowed.addAll(Set.of("name", "patches", "cachable"));
        keys(m, "provider " + ((YamlScalar) name).value(), spec.get(0), allowed);
        for (Entry e : m.entries()) {
            switch (e.key()) {
                case "patches" -> stringList(e.value(), "provider patches");
                case "cachable", "ignore_externals" -> bool(e.value(), "provider " + e.key());
                default -> string(e.value(), "provider " + e.key());
            }
        }
    }

    // ---- shapes ----

    private void named(YamlValue v, String where, BiConsumer<String, YamlValue> each) {
        for (Entry e : map(v, where).entries()) {
            each.accept(e.key(), YamlValue.atKey(e));
        }
    }

    private void keys(YamlMap m, String where, Set<String> required, Set<String> allowed) {
        for (String r : new TreeSet<>(required)) {
            if (m.get(r) == null) {
                throw new CapiException(m.at(), where + " has no \"" + r + "\"");
            }
        }
        for (Entry e : m.entries()) {
            if (!allowed.contains(e.key())) {
                unknown(e, where, allowed);
            }
        }
    }

    private void unknown(Entry e, String where, Set<String> allowed) {
        if (!allowAdditional) {
            throw new CapiException(e.keyAt(), "unknown key \"" + CoreYamlReader.displayKey(e.key()) + "\" in " + where
                    + "; expected one of " + String.join(", ", new TreeSet<>(allowed)));
        }
    }

    private static void notAppend(Entry e, String where, Runnable check) {
        if (e.key().endsWith("_append")) {
            throw new CapiException(e.keyAt(), "unknown key \"" + e.key() + "\" in " + where
                    + "; only list keys have an _append form");
        }
        check.run();
    }

    private static String stripAppend(String k) {
        return k.endsWith("_append") ? k.substring(0, k.length() - "_append".length()) : k;
    }

    static YamlMap map(YamlValue v, String where) {
        if (v instanceof YamlMap m) {
            return m;
        }
        throw new CapiException(v.at(), where + " must be a mapping, found " + YamlValue.typeName(v));
    }

    private static YamlSeq seq(YamlValue v, String where) {
        if (v instanceof YamlSeq s) {
            return s;
        }
        throw new CapiException(v.at(), where + " must be a list, found " + YamlValue.typeName(v));
    }

    private static void string(YamlValue v, String where) {
        if (!(v instanceof YamlScalar s && s.isString())) {
            throw new CapiException(v.at(), where + " must be a string, found " + YamlValue.typeName(v)
                    + (v instanceof YamlScalar ? " (quote it)" : ""));
        }
    }

    private static void bool(YamlValue v, String where) {
        if (!(v instanceof YamlScalar s && s.value() instanceof Boolean)) {
            throw new CapiException(v.at(), where + " must be true or false, found " + YamlValue.typeName(v));
        }
    }

    private static void stringList(YamlValue v, String where) {
        for (YamlValue item : seq(v, where).items()) {
            string(item, "each item of " + where);
        }
    }

    private static void scalarNotNull(YamlValue v, String where) {
        if (!(v instanceof YamlScalar s) || s.value() == null) {
            throw new CapiException(v.at(), where + " must be a string, number or boolean, found " + YamlValue.typeName(v));
        }
    }

    private void anyType(String name, YamlValue v) {
        if (v instanceof YamlScalar s && s.value() == null) {
            throw new CapiException(v.at(), "\"" + name + "\" has no value");
        }
    }

    private static void oneOf(YamlValue v, String where, Set<String> allowed) {
        string(v, where);
        String s = (String) ((YamlScalar) v).value();
        if (!allowed.contains(s)) {
            throw new CapiException(v.at(), where + " is \"" + s + "\"; expected one of "
                    + String.join(", ", new TreeSet<>(allowed)));
        }
    }
}
