package io.jynq.capi;

import io.jynq.error.SourcePosition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The YAML of a core file as an immutable tree that remembers where each value was written.
 * Inheritance, {@code _append} and conditionals are applied to this tree (each step makes a new
 * tree), so errors found late still name a line and column.
 */
sealed interface YamlValue permits YamlValue.YamlMap, YamlValue.YamlSeq, YamlValue.YamlScalar {

    SourcePosition at();

    /** This value as plain Java data: LinkedHashMap, ArrayList, String, Long, BigInteger, Double, Boolean or null. */
    Object plain();

    /** One key of a mapping; {@code keyAt} is where the key was written. */
    record Entry(String key, SourcePosition keyAt, YamlValue value) {}

    /** A mapping, keys in file order. */
    record YamlMap(List<Entry> entries, SourcePosition at) implements YamlValue {
        public YamlMap {
            entries = List.copyOf(entries);
        }

        YamlValue get(String key) {
            Entry e = entry(key);
            return e == null ? null : e.value();
        }

        Entry entry(String key) {
            for (Entry e : entries) {
                if (e.key().equals(key)) {
                    return e;
                }
            }
            return null;
        }

        @Override
        public Object plain() {
            Map<String, Object> m = new LinkedHashMap<>();
            for (Entry e : entries) {
                m.put(e.key(), e.value().plain());
            }
            return m;
        }
    }

    /** A sequence. */
    record YamlSeq(List<YamlValue> items, SourcePosition at) implements YamlValue {
        public YamlSeq {
            items = List.copyOf(items);
        }

        @Override
        public Object plain() {
            List<Object> l = new ArrayList<>();
            for (YamlValue v : items) {
                l.add(v.plain());
            }
            return l;
        }
    }

    /** A scalar: String, Long, BigInteger, Double, Boolean, or null for YAML null. */
    record YamlScalar(Object value, SourcePosition at) implements YamlValue {
        @Override
        public Object plain() {
            return value;
        }

        boolean isString() {
            return value instanceof String;
        }
    }

    /** A named section's value, located at its name (where a reader looks) rather than at its first key. */
    static YamlValue atKey(Entry e) {
        return e.value() instanceof YamlMap m ? new YamlMap(m.entries(), e.keyAt()) : e.value();
    }

    /** A short name of the YAML type of a value, for error messages. */
    static String typeName(YamlValue v) {
        if (v instanceof YamlMap) {
            return "a mapping";
        }
        if (v instanceof YamlSeq) {
            return "a list";
        }
        Object o = ((YamlScalar) v).value();
        if (o == null) {
            return "null";
        }
        if (o instanceof String s) {
            return "the string \"" + s + "\"";
        }
        if (o instanceof Boolean) {
            return "the boolean " + o;
        }
        return "the number " + o;
    }
}
