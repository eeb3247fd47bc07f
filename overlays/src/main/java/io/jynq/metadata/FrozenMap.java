package io.jynq.metadata;

import java.util.AbstractMap;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * An unmodifiable map in insertion (file) order that owns its copy. Records of this package
 * copy their maps into one; copying an existing FrozenMap returns it as is, so a register map
 * shared by a module, its ip_dict entries and the hierarchies is copied once, not per view.
 * ({@code Map.copyOf} would lose the file order that users see when they list registers.)
 */
final class FrozenMap<K, V> extends AbstractMap<K, V> {
    private static final FrozenMap<Object, Object> EMPTY = new FrozenMap<>(new LinkedHashMap<>());

    private final Map<K, V> view;

    private FrozenMap(LinkedHashMap<K, V> owned) {
        this.view = Collections.unmodifiableMap(owned);
    }

    @SuppressWarnings("unchecked")
    static <K, V> Map<K, V> of(Map<K, V> m) {
        if (m instanceof FrozenMap) {
            return m;
        }
        if (m.isEmpty()) {
            return (Map<K, V>) EMPTY;
        }
        return new FrozenMap<>(new LinkedHashMap<>(m));
    }

    /**
     * Wraps a map the caller built and hands over: no copy. Only for parser-internal maps that no
     * other code holds a reference to afterwards.
     */
    @SuppressWarnings("unchecked")
    static <K, V> Map<K, V> adopt(LinkedHashMap<K, V> owned) {
        return owned.isEmpty() ? (Map<K, V>) EMPTY : new FrozenMap<>(owned);
    }

    @Override
    public V get(Object key) {
        return view.get(key);
    }

    @Override
    public boolean containsKey(Object key) {
        return view.containsKey(key);
    }

    @Override
    public int size() {
        return view.size();
    }

    @Override
    public boolean isEmpty() {
        return view.isEmpty();
    }

    @Override
    public Set<Entry<K, V>> entrySet() {
        return view.entrySet();
    }

    @Override
    public Set<K> keySet() {
        return view.keySet();
    }

    @Override
    public Collection<V> values() {
        return view.values();
    }
}
