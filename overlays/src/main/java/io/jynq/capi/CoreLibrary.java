package io.jynq.capi;

import io.jynq.error.SourcePosition;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A FuseSoC core library: every {@code .core} file under some folders, indexed by VLNV, so that a
 * core's {@code depend} entries can be found as FuseSoC finds them (the highest version that
 * satisfies the relation: {@code ==}, {@code >=}, {@code >}, {@code <=}, {@code <}, {@code ^} same
 * major version and not lower, {@code ~} same major.minor and not lower).
 *
 * <p>A file that is not a valid core is left out of the index, as FuseSoC warns and skips it;
 * {@link #skipped()} lists why. Folders are searched up to 8 levels deep.
 */
public final class CoreLibrary {
    private final Map<String, List<Core>> byName = new LinkedHashMap<>();
    private final List<String> skipped = new ArrayList<>();

    private CoreLibrary() {}

    /**
     * Indexes the cores under {@code folders}, in order; a folder that does not exist is ignored.
     *
     * @throws UncheckedIOException if a folder cannot be read
     */
    public static CoreLibrary of(List<Path> folders) {
        CoreLibrary lib = new CoreLibrary();
        for (Path folder : folders) {
            if (!Files.isDirectory(folder)) {
                continue;
            }
            try (Stream<Path> s = Files.walk(folder, 8)) {
                for (Path f : s.filter(p -> p.toString().endsWith(".core") && Files.isRegularFile(p)).sorted().toList()) {
                    lib.add(f);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list the cores in " + folder, e);
            }
        }
        return lib;
    }

    private void add(Path file) {
        try {
            Core c = Core.parse(file);
            CoreVlnv n = c.name();
            List<Core> versions = byName.computeIfAbsent(key(n), k -> new ArrayList<>());
            if (versions.stream().noneMatch(o -> o.name().equals(n))) {
                versions.add(c);  // the first folder wins for one VLNV, as FuseSoC's library order
            }
        } catch (CapiException | UncheckedIOException e) {
            skipped.add(file + ": " + e.getMessage());
        }
    }

    private static String key(CoreVlnv v) {
        return v.vendor() + ":" + v.library() + ":" + v.name();
    }

    /** Files that were not valid cores, each with its reason. */
    public List<String> skipped() {
        return List.copyOf(skipped);
    }

    /**
     * The highest version of the core {@code dependency} names that satisfies its relation.
     *
     * @param at where the dependency is written, for the error
     * @throws CapiException naming the dependency and the versions found when none fits
     */
    public Core find(CoreVlnv dependency, SourcePosition at) {
        List<Core> versions = byName.getOrDefault(key(dependency), List.of());
        return versions.stream().filter(c -> satisfies(c.name(), dependency))
                .max(Comparator.comparing(Core::name, CoreLibrary::compare))
                .orElseThrow(() -> new CapiException(at, "no core in the library satisfies " + dependency.depString()
                        + (versions.isEmpty() ? " (the library has no core " + key(dependency) + ")"
                        : " (versions found: " + versions.stream().map(c -> c.name().toString()).toList() + ")")));
    }

    /** Whether {@code v} satisfies the relation of {@code dependency}. */
    static boolean satisfies(CoreVlnv v, CoreVlnv dependency) {
        int c = compare(v, dependency);
        List<Long> have = numbers(v.version());
        List<Long> want = numbers(dependency.version());
        return switch (dependency.relation()) {
            case "==" -> c == 0;
            case ">=" -> c >= 0;
            case ">" -> c > 0;
            case "<=" -> c <= 0;
            case "<" -> c < 0;
            case "^" -> c >= 0 && part(have, 0) == part(want, 0);
            case "~" -> c >= 0 && part(have, 0) == part(want, 0) && part(have, 1) == part(want, 1);
            default -> false;
        };
    }

    /** Orders versions component by component (numbers numerically, else as text), then the revision. */
    static int compare(CoreVlnv a, CoreVlnv b) {
        String[] x = a.version().split("[.\\-_]");
        String[] y = b.version().split("[.\\-_]");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            String p = i < x.length ? x[i] : "0";
            String q = i < y.length ? y[i] : "0";
            int c = p.matches("\\d{1,18}") && q.matches("\\d{1,18}") ? Long.compare(Long.parseLong(p), Long.parseLong(q))
                    : p.compareTo(q);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.revision(), b.revision());
    }

    private static List<Long> numbers(String version) {
        List<Long> out = new ArrayList<>();
        for (String p : version.split("\\.")) {
            out.add(p.matches("\\d{1,18}") ? Long.parseLong(p) : -1L);
        }
        return out;
    }

    private static long part(List<Long> parts, int i) {
        return i < parts.size() ? parts.get(i) : 0;
    }

    /**
     * {@code root} and every core it depends on, dependencies first (FuseSoC's file order). The
     * root is resolved for {@code rootTarget} as the toplevel; dependencies for their
     * {@code default} target, as FuseSoC resolves cores that are not the toplevel.
     *
     * @return each core with its resolved target, dependencies first
     * @throws CapiException if a dependency is missing, or the cores depend on each other in a cycle
     */
    public List<ResolvedCore> resolve(Core root, String rootTarget, Flags flags) {
        List<ResolvedCore> out = new ArrayList<>();
        visit(root, root.resolve(rootTarget, flags), flags, out, new ArrayList<>());
        return out;
    }

    private void visit(Core core, ResolvedTarget t, Flags flags, List<ResolvedCore> out, List<String> path) {
        String id = core.name().toString();
        if (out.stream().anyMatch(r -> r.core().name().toString().equals(id))) {
            return;
        }
        if (path.contains(id)) {
            throw new CapiException(new SourcePosition(core.file(), 1, 1), "cores depend on each other in a cycle: "
                    + String.join(" -> ", path) + " -> " + id);
        }
        path.add(id);
        for (CoreVlnv d : t.depends()) {
            if (d.conflict()) {
                continue;
            }
            Core dep = find(d, new SourcePosition(core.file(), 1, 1));
            Map<String, Object> f = new LinkedHashMap<>(flags.values());
            f.remove("target");
            f.put("is_toplevel", Boolean.FALSE);
            visit(dep, dep.resolve(new Flags(f)), flags, out, path);
        }
        path.remove(id);
        out.add(new ResolvedCore(core, t));
    }

    /**
     * A core with its resolved target.
     *
     * @param core the parsed core (its file gives the folder its paths are relative to)
     * @param target the target as resolved
     */
    public record ResolvedCore(Core core, ResolvedTarget target) {}
}
