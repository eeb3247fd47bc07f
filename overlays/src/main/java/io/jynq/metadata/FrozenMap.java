package io.jynq.metadata;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;

/**
 * An unmodifiable map in insertion (file) order that owns its copy. Records of this package
 * copy their maps into one; copying an existing FrozenMap returns it as is, so a register map
 * shared by a module, its ip_dict entries and the hierarchies is copied once, not per view.
 * ({@code Map.copyOf} would lose the file order that users see when they list registers.)
 *
 * <p>Keys and values sit in two arrays in file order, found through an open-addressing table of
 * indexes (a linear search up to {@link #LINEAR} entries): about 16 bytes per entry where a
 * {@code LinkedHashMap} takes about 50. Why: a design's parameters, registers and ports are
 * thousands of small maps that stay as long as the overlay; the PYNQ-Z1 base design's took
 * 4.6 MB of a 512 MB board kernel's heap as LinkedHashMaps (issue 19).
 */
final class FrozenMap<K, V> extends AbstractMap<K, V> {
    /** Up to this many entries a lookup compares keys in order; no index table. */
    private static final int LINEAR = 8;
    private static final FrozenMap<Object, Object> EMPTY = new FrozenMap<>(Map.of());

    private final Object[] keys;
    private final Object[] values;
    /** Index + 1 of the key hashed to each slot, 0 for none; null up to {@link #LINEAR} entries. */
    private final int[] slots;
    private Set<Entry<K, V>> entries;

    private FrozenMap(Map<K, V> source) {
        int n = source.size();
        keys = new Object[n];
        values = new Object[n];
        int i = 0;
        for (Entry<K, V> e : source.entrySet()) {
            keys[i] = e.getKey();
            values[i] = e.getValue();
            i++;
        }
        if (n <= LINEAR) {
            slots = null;
        } else {
            slots = new int[Integer.highestOneBit(n) << 2]; // at most half full
            for (int k = 0; k < n; k++) {
                int s = slot(keys[k]);
                while (slots[s] != 0) {
                    s = (s + 1) & (slots.length - 1);
                }
                slots[s] = k + 1;
            }
        }
    }

    @SuppressWarnings("unchecked")
    static <K, V> Map<K, V> of(Map<K, V> m) {
        if (m instanceof FrozenMap) {
            return m;
        }
        if (m.isEmpty()) {
            return (Map<K, V>) EMPTY;
        }
        return new FrozenMap<>(m);
    }

    /**
     * Takes a map the caller built and hands over (it is read once into the arrays). Only for
     * parser-internal maps that no other code holds a reference to afterwards.
     */
    static <K, V> Map<K, V> adopt(LinkedHashMap<K, V> owned) {
        return of(owned);
    }

    private int slot(Object key) {
        int h = Objects.hashCode(key);
        return (h ^ (h >>> 16)) & (slots.length - 1);
    }

    /** The key's index in file order, or -1. */
    private int indexOf(Object key) {
        if (slots == null) {
            for (int i = 0; i < keys.length; i++) {
                if (Objects.equals(keys[i], key)) {
                    return i;
                }
            }
            return -1;
        }
        for (int s = slot(key); slots[s] != 0; s = (s + 1) & (slots.length - 1)) {
            if (Objects.equals(keys[slots[s] - 1], key)) {
                return slots[s] - 1;
            }
        }
        return -1;
    }

    @Override
    @SuppressWarnings("unchecked")
    public V get(Object key) {
        int i = indexOf(key);
        return i < 0 ? null : (V) values[i];
    }

    @Override
    public boolean containsKey(Object key) {
        return indexOf(key) >= 0;
    }

    @Override
    public int size() {
        return keys.length;
    }

    @Override
    public boolean isEmpty() {
        return keys.length == 0;
    }

    @Override
    public Set<Entry<K, V>> entrySet() {
        Set<Entry<K, V>> set = entries;
        if (set == null) {
            set = new AbstractSet<>() {
                @Override
                public Iterator<Entry<K, V>> iterator() {
                    return new Iterator<>() {
                        private int next;

                        @Override
                        public boolean hasNext() {
                            return next < keys.length;
                        }

                        @Override
                        @SuppressWarnings("unchecked")
                        public Entry<K, V> next() {
                            if (next >= keys.length) {
                                throw new NoSuchElementException();
                            }
                            int i = next++;
                            return new SimpleImmutableEntry<>((K) keys[i], (V) values[i]);
                        }
                    };
                }

                @Override
                public int size() {
                    return keys.length;
                }
            };
            entries = set;
        }
        return set;
    }
}
