package io.jynq.capi;

import io.jynq.capi.YamlValue.Entry;
import io.jynq.capi.YamlValue.YamlMap;
import io.jynq.capi.YamlValue.YamlScalar;
import io.jynq.capi.YamlValue.YamlSeq;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Builds {@link CoreSections} from a tree that {@link CoreSchema} has accepted, so every cast here
 * is safe. Works on both the unexpanded and the expanded tree; items that conditionals emptied
 * (a file map whose only key vanished) are dropped, as FuseSoC drops them.
 */
final class CoreRecords {
    private CoreRecords() {}

    static CoreSections build(YamlMap root) {
        YamlScalar nameNode = (YamlScalar) root.get("name");
        CoreVlnv name;
        try {
            name = CoreVlnv.parse((String) nameNode.value());
        } catch (IllegalArgumentException e) {
            throw new CapiException(nameNode.at(), e.getMessage(), e);
        }
        if (name.conflict() || !List.of("==", ">=").contains(name.relation())) {
            throw new CapiException(nameNode.at(), "the core name \"" + nameNode.value()
                    + "\" carries a relation or '!'; those belong in dependencies only");
        }
        Map<String, Fileset> filesets = named(root.get("filesets"), CoreRecords::fileset);
        Map<String, Target> targets = named(root.get("targets"), CoreRecords::target);
        Map<String, Parameter> parameters = named(root.get("parameters"), CoreRecords::parameter);
        Map<String, Generate> generate = named(root.get("generate"), (n, v) -> {
            YamlMap m = (YamlMap) v;
            return new Generate(n, str(m, "generator"), strOr(m, "position", "append"), objects(m.get("parameters")), m.at());
        });
        Map<String, Generator> generators = named(root.get("generators"), (n, v) -> {
            YamlMap m = (YamlMap) v;
            return new Generator(n, str(m, "command"), str(m, "interpreter"), str(m, "cache_type"),
                    str(m, "file_input_parameters"), str(m, "description"), str(m, "usage"));
        });
        Map<String, Script> scripts = named(root.get("scripts"), (n, v) -> {
            YamlMap m = (YamlMap) v;
            Map<String, String> env = new LinkedHashMap<>();
            objects(m.get("env")).forEach((k, x) -> env.put(k, String.valueOf(x)));
            return new Script(n, strings(m.get("cmd")), strings(m.get("filesets")), env);
        });
        Map<String, Vpi> vpi = named(root.get("vpi"), (n, v) -> {
            YamlMap m = (YamlMap) v;
            return new Vpi(n, strings(m.get("filesets")), strings(m.get("libs")));
        });
        Map<String, String> mapping = new LinkedHashMap<>();
        objects(root.get("mapping")).forEach((k, x) -> mapping.put(k, String.valueOf(x)));
        return new CoreSections(name, str(root, "description"), license(root.get("license")), filesets, targets,
                parameters, generate, generators, scripts, provider(root.get("provider")), vpi,
                strings(root.get("virtual")), mapping);
    }

    private static License license(YamlValue v) {
        if (v == null) {
            return null;
        }
        if (v instanceof YamlMap m) {
            return new License(str(m, "name"), str(m, "text"));
        }
        return new License((String) ((YamlScalar) v).value(), null);
    }

    private static Provider provider(YamlValue v) {
        if (v == null) {
            return null;
        }
        Map<String, Object> options = objects(v);
        String name = (String) options.remove("name");
        Object cachable = options.remove("cachable");
        return new Provider(name, !Boolean.FALSE.equals(cachable), options);
    }

    private static Fileset fileset(String name, YamlValue v) {
        YamlMap m = (YamlMap) v;
        String fileType = str(m, "file_type");
        String logicalName = str(m, "logical_name");
        List<String> tags = strings(m.get("tags"));
        List<FileEntry> files = new ArrayList<>();
        YamlValue list = m.get("files");
        if (list != null) {
            for (YamlValue item : ((YamlSeq) list).items()) {
                if (item instanceof YamlScalar s) {
                    files.add(new FileEntry((String) s.value(), fileType, logicalName, false, "", Map.of(), tags, "", s.at()));
                } else if (!((YamlMap) item).entries().isEmpty()) {
                    Entry e = ((YamlMap) item).entries().get(0);
                    YamlMap a = (YamlMap) e.value();
                    files.add(new FileEntry(e.key(), strOr(a, "file_type", fileType), strOr(a, "logical_name", logicalName),
                            Boolean.TRUE.equals(scalar(a, "is_include_file")), str(a, "include_path"),
                            objects(a.get("define")), a.get("tags") == null ? tags : strings(a.get("tags")),
                            str(a, "copyto"), e.keyAt()));
                }
            }
        }
        return new Fileset(name, fileType, logicalName, tags, files, strings(m.get("depend")), m.at());
    }

    private static Target target(String name, YamlValue v) {
        YamlMap m = (YamlMap) v;
        YamlValue top = m.get("toplevel");
        List<String> toplevel = top == null ? List.of()
                : top instanceof YamlSeq ? strings(top) : List.of((String) ((YamlScalar) top).value());
        if (toplevel.size() == 1 && toplevel.get(0).isEmpty()) {
            toplevel = List.of(); // a conditional string toplevel whose condition is false
        }
        List<GenerateRef> generate = new ArrayList<>();
        YamlValue gen = m.get("generate");
        if (gen != null) {
            for (YamlValue g : ((YamlSeq) gen).items()) {
                if (g instanceof YamlScalar s) {
                    generate.add(new GenerateRef((String) s.value(), Map.of()));
                } else {
                    for (Entry e : ((YamlMap) g).entries()) {
                        generate.add(new GenerateRef(e.key(), e.value() instanceof YamlMap ? objects(e.value()) : Map.of()));
                    }
                }
            }
        }
        Map<String, Map<String, Object>> tools = named(m.get("tools"), (n, x) -> objects(x));
        YamlMap hooks = m.get("hooks") instanceof YamlMap h ? h : new YamlMap(List.of(), m.at());
        return new Target(name, str(m, "description"), str(m, "default_tool"), str(m, "flow"), objects(m.get("flow_options")),
                toplevel, strings(m.get("filesets")), strings(m.get("filters")), strings(m.get("parameters")),
                strings(m.get("vpi")), generate, tools, objects(m.get("flags")),
                new Hooks(strings(hooks.get("pre_build")), strings(hooks.get("post_build")), strings(hooks.get("pre_run")),
                        strings(hooks.get("post_run"))),
                m.at());
    }

    private static Parameter parameter(String name, YamlValue v) {
        YamlMap m = (YamlMap) v;
        return new Parameter(name, str(m, "datatype"), str(m, "paramtype"), scalar(m, "default"), str(m, "description"),
                str(m, "scope"), m.at());
    }

    // ---- small readers ----

    private static <T> Map<String, T> named(YamlValue v, BiFunction<String, YamlValue, T> f) {
        Map<String, T> out = new LinkedHashMap<>();
        if (v instanceof YamlMap m) {
            for (Entry e : m.entries()) {
                out.put(e.key(), f.apply(e.key(), YamlValue.atKey(e)));
            }
        }
        return out;
    }

    private static Object scalar(YamlMap m, String key) {
        return m.get(key) instanceof YamlScalar s ? s.value() : null;
    }

    private static String str(YamlMap m, String key) {
        return strOr(m, key, "");
    }

    private static String strOr(YamlMap m, String key, String otherwise) {
        return m.get(key) instanceof YamlScalar s && s.value() != null ? s.value().toString() : otherwise;
    }

    private static List<String> strings(YamlValue v) {
        List<String> out = new ArrayList<>();
        if (v instanceof YamlSeq s) {
            for (YamlValue i : s.items()) {
                out.add(String.valueOf(i.plain()));
            }
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> objects(YamlValue v) {
        return v instanceof YamlMap m ? (Map<String, Object>) m.plain() : new LinkedHashMap<>();
    }

    /** An unmodifiable copy keeping order and allowing null values. */
    static <K, V> Map<K, V> frozen(Map<K, V> m) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(m));
    }
}
