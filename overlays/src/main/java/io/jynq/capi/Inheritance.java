package io.jynq.capi;

import io.jynq.capi.YamlValue.Entry;
import io.jynq.capi.YamlValue.YamlMap;
import io.jynq.capi.YamlValue.YamlSeq;
import java.util.ArrayList;
import java.util.List;

/**
 * FuseSoC's two derived-data steps, reproduced on the located tree.
 *
 * <p><b>Inheritance</b> ({@code <<: *parent}, FuseSoC {@code capi2/inheritance.py} since PR #645):
 * not YAML's shallow merge but a deep one. At the mapping that holds {@code <<}, a key of the
 * child replaces the parent's, except that a list under a key ending in {@code _append} is
 * concatenated (parent first) and a mapping is merged recursively. Inside such a recursive merge
 * FuseSoC concatenates <em>every</em> list, not only {@code _append} ones; that quirk is kept so
 * results match FuseSoC (a child's {@code tools: {verilator: {verilator_options: [...]}}} adds to
 * the parent's options). The parent must be a mapping. Two deliberate differences: merge keys
 * inside list items are merged the same way (FuseSoC leaves those to PyYAML's shallow merge), and
 * a child mapping over a parent scalar replaces it (FuseSoC fails with a Python TypeError).
 *
 * <p><b>Appends</b> (FuseSoC {@code CoreData._append_lists}): after inheritance, every
 * {@code x_append} list is added to the end of {@code x} (or becomes {@code x} when there is
 * none). The {@code x_append} key stays, as in FuseSoC.
 */
final class Inheritance {
    private Inheritance() {}

    /** Applies every {@code <<} in the tree, innermost first. */
    static YamlValue elaborate(YamlValue v) {
        if (v instanceof YamlSeq seq) {
            List<YamlValue> items = new ArrayList<>();
            for (YamlValue i : seq.items()) {
                items.add(elaborate(i));
            }
            return new YamlSeq(items, seq.at());
        }
        if (!(v instanceof YamlMap map)) {
            return v;
        }
        List<Entry> own = new ArrayList<>();
        YamlValue parent = null;
        for (Entry e : map.entries()) {
            YamlValue value = elaborate(e.value());
            if (e.key().equals(CoreYamlReader.MERGE_KEY)) {
                parent = value;
                if (!(value instanceof YamlMap)) {
                    throw new CapiException(e.keyAt(), "invalid use of the inheritance operator <<: expected"
                            + " a mapping such as *default, found " + YamlValue.typeName(value));
                }
            } else {
                own.add(new Entry(e.key(), e.keyAt(), value));
            }
        }
        YamlMap child = new YamlMap(own, map.at());
        return parent == null ? child : merge((YamlMap) parent, child, true, map);
    }

    private static YamlMap merge(YamlMap parent, YamlMap child, boolean appendsOnly, YamlValue where) {
        List<Entry> out = new ArrayList<>(parent.entries());
        for (Entry e : child.entries()) {
            int i = indexOf(out, e.key());
            YamlValue old = i < 0 ? null : out.get(i).value();
            YamlValue value = e.value();
            if (value instanceof YamlMap m) {
                YamlMap base = old instanceof YamlMap om ? om : new YamlMap(List.of(), m.at());
                value = merge(base, m, false, m);
            } else if (value instanceof YamlSeq s && (!appendsOnly || e.key().endsWith("_append"))
                    && old instanceof YamlSeq os) {
                List<YamlValue> items = new ArrayList<>(os.items());
                items.addAll(s.items());
                value = new YamlSeq(items, s.at());
            }
            Entry ne = new Entry(e.key(), e.keyAt(), value);
            if (i < 0) {
                out.add(ne);
            } else {
                out.set(i, ne);
            }
        }
        return new YamlMap(out, where.at());
    }

    /** Adds every {@code x_append} list to {@code x}, at every depth. */
    static YamlValue applyAppends(YamlValue v) {
        if (v instanceof YamlSeq seq) {
            List<YamlValue> items = new ArrayList<>();
            for (YamlValue i : seq.items()) {
                items.add(applyAppends(i));
            }
            return new YamlSeq(items, seq.at());
        }
        if (!(v instanceof YamlMap map)) {
            return v;
        }
        List<Entry> out = new ArrayList<>();
        for (Entry e : map.entries()) {
            out.add(new Entry(e.key(), e.keyAt(), applyAppends(e.value())));
        }
        List<Entry> added = new ArrayList<>();
        for (Entry e : List.copyOf(out)) {
            if (!e.key().endsWith("_append") || !(e.value() instanceof YamlSeq extra)) {
                continue;
            }
            String base = e.key().substring(0, e.key().length() - "_append".length());
            int i = indexOf(out, base);
            if (i < 0) {
                added.add(new Entry(base, e.keyAt(), extra));
            } else if (out.get(i).value() instanceof YamlSeq existing) {
                List<YamlValue> items = new ArrayList<>(existing.items());
                items.addAll(extra.items());
                out.set(i, new Entry(base, out.get(i).keyAt(), new YamlSeq(items, existing.at())));
            }
        }
        out.addAll(added);
        return new YamlMap(out, map.at());
    }

    private static int indexOf(List<Entry> entries, String key) {
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).key().equals(key)) {
                return i;
            }
        }
        return -1;
    }
}
