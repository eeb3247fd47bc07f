package io.jynq.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** FrozenMap against LinkedHashMap, the map it replaces: same order, lookups, equality; no writes. */
class FrozenMapTest {
    @Test
    void behavesAsTheLinkedHashMapItWasCopiedFrom() {
        Random rnd = new Random(19);
        for (int n : new int[] {1, 2, 7, 8, 9, 16, 17, 100, 1000}) {
            LinkedHashMap<String, Object> source = new LinkedHashMap<>();
            for (int i = 0; i < n; i++) {
                // colliding hash codes ("Aa" and "BB") and a null value, as a stranger's design may give
                source.put(rnd.nextBoolean() ? "Aa" + i : "BB" + i, i % 5 == 0 ? null : "v" + i);
            }
            Map<String, Object> frozen = FrozenMap.of(source);
            assertEquals(source, frozen, "n=" + n);
            assertEquals(source.hashCode(), frozen.hashCode());
            assertEquals(source.toString(), frozen.toString());
            assertEquals(new ArrayList<>(source.keySet()), new ArrayList<>(frozen.keySet()), "file order, n=" + n);
            assertEquals(new ArrayList<>(source.values()), new ArrayList<>(frozen.values()));
            for (String k : source.keySet()) {
                assertEquals(source.get(k), frozen.get(k), k);
                assertTrue(frozen.containsKey(k), k);
            }
            assertNull(frozen.get("absent"));
            assertFalse(frozen.containsKey("absent") || frozen.containsKey(null) || frozen.containsKey(42));
            assertSame(frozen, FrozenMap.of(frozen), "a FrozenMap is not copied again");
        }
    }

    @Test
    void refusesEveryWrite() {
        LinkedHashMap<String, Integer> source = new LinkedHashMap<>();
        for (int i = 0; i < 20; i++) {
            source.put("k" + i, i);
        }
        Map<String, Integer> frozen = FrozenMap.adopt(source);
        List<Runnable> writes = List.of(() -> frozen.put("x", 1), () -> frozen.remove("k1"), frozen::clear,
                () -> frozen.entrySet().iterator().next().setValue(3), () -> frozen.keySet().remove("k2"),
                () -> frozen.values().remove(3), () -> {
                    var it = frozen.entrySet().iterator();
                    it.next();
                    it.remove();
                });
        for (Runnable w : writes) {
            assertThrows(UnsupportedOperationException.class, w::run);
        }
        assertEquals(20, frozen.size());
        assertEquals(19, frozen.get("k19"));
        assertTrue(FrozenMap.of(Map.of()).isEmpty());
    }
}
