package io.jynq.capi;

import io.jynq.error.SourcePosition;
import io.jynq.capi.YamlValue.Entry;
import io.jynq.capi.YamlValue.YamlMap;
import io.jynq.capi.YamlValue.YamlScalar;
import io.jynq.capi.YamlValue.YamlSeq;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Evaluates the conditionals of a section for a set of defined flags, as FuseSoC's
 * {@code CoreData._expand_use}: only strings containing {@code ?} are expressions; a list item or
 * mapping key that expands to nothing is removed; a mapping value that expands to nothing becomes
 * the empty string.
 */
final class Expansion {
    private Expansion() {}

    /**
     * @throws CapiException at the string whose conditional is malformed
     */
    static YamlValue expand(YamlValue v, Set<String> defined) {
        if (v instanceof YamlMap map) {
            List<Entry> kept = new ArrayList<>();
            List<Entry> renamed = new ArrayList<>();
            for (Entry e : map.entries()) {
                YamlValue value = expandValue(e.value(), defined);
                if (!e.key().contains("?")) {
                    kept.add(new Entry(e.key(), e.keyAt(), value));
                    continue;
                }
                String key = expandString(e.key(), e.keyAt(), defined);
                if (key.equals(e.key())) {
                    kept.add(new Entry(key, e.keyAt(), value));
                } else if (!key.isEmpty()) {
                    renamed.add(new Entry(key, e.keyAt(), value)); // FuseSoC re-adds renamed keys last
                }
            }
            for (Entry r : renamed) {
                kept.removeIf(k -> k.key().equals(r.key()));
                kept.add(r);
            }
            return new YamlMap(kept, map.at());
        }
        if (v instanceof YamlSeq seq) {
            List<YamlValue> items = new ArrayList<>();
            for (YamlValue i : seq.items()) {
                if (i instanceof YamlScalar s && s.value() instanceof String str && str.contains("?")) {
                    String x = expandString(str, s.at(), defined);
                    if (!x.isEmpty()) {
                        items.add(new YamlScalar(x, s.at()));
                    }
                } else {
                    items.add(expand(i, defined));
                }
            }
            return new YamlSeq(items, seq.at());
        }
        return v;
    }

    private static YamlValue expandValue(YamlValue v, Set<String> defined) {
        if (v instanceof YamlScalar s && s.value() instanceof String str && str.contains("?")) {
            return new YamlScalar(expandString(str, s.at(), defined), s.at());
        }
        return expand(v, defined);
    }

    static String expandString(String text, SourcePosition at, Set<String> defined) {
        try {
            return Expression.parse(text).expand(defined);
        } catch (IllegalArgumentException e) {
            throw new CapiException(at, "bad conditional: " + e.getMessage(), e);
        }
    }
}
