package io.jynq.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jynq.testing.SharedData;
import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A parsed design is kept for the whole session, on a 512 MB board too (issue 19), so it must
 * not hold the same text many times: a real {@code .hwh} repeats parameter names, port and net
 * names and VLNVs in every module. Before sharing, copies of equal Strings took two thirds of
 * the string bytes of {@code pynqz1_base.hwh}'s metadata (1.7 of 2.6 MB).
 */
class HwhSharingTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"pynqz1_base", "kv260_cv_dfx_3_pr", "pynqz1_logictools"})
    void equalTextsAreMostlyOneString(String name) {
        OverlayMetadata md = HwhParser.parse(SharedData.hwh(name + ".hwh"));
        Map<String, Set<String>> instances = new HashMap<>();
        walk(md, Collections.newSetFromMap(new IdentityHashMap<>()), instances);
        long distinctBytes = 0;
        long copyBytes = 0;
        for (Map.Entry<String, Set<String>> e : instances.entrySet()) {
            long size = 40 + e.getKey().length(); // String + byte[] headers, Latin-1 bytes
            distinctBytes += size;
            copyBytes += (e.getValue().size() - 1) * size;
        }
        assertTrue(copyBytes * 10 <= distinctBytes, name + ": " + copyBytes + " bytes of copies of equal Strings, against "
                + distinctBytes + " bytes of distinct ones; at most a tenth expected");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"pynqz1_base"})
    void equalVlnvTextsAreOneVlnv(String name) {
        OverlayMetadata md = HwhParser.parse(SharedData.hwh(name + ".hwh"));
        Map<Vlnv, Set<Vlnv>> byValue = new HashMap<>();
        for (ModuleDescription m : md.modules().values()) {
            add(byValue, m.vlnv());
            m.busInterfaces().values().forEach(b -> add(byValue, b.vlnv()));
        }
        assertTrue(byValue.size() > 10, "VLNVs found: " + byValue.keySet());
        byValue.forEach((v, same) -> assertEquals(1, same.size(), v + " is held by several Vlnv objects"));
    }

    /**
     * Nets keep their pins as (fullpath, port) pairs of the design's own Strings (PinList): each
     * pin read back is a port on that net, sorted, and the list refuses writes.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"pynqz1_base", "kv260_pr2_add_partial"})
    void netPinsReadBackAsThePortsOnTheNet(String name) {
        OverlayMetadata md = HwhParser.parse(SharedData.hwh(name + ".hwh"));
        Map<String, ModuleDescription> byPath = new HashMap<>();
        md.modules().values().forEach(m -> byPath.put(m.fullpath(), m));
        int modulePins = 0;
        for (Net net : md.nets().values()) {
            assertEquals(net.pins().stream().sorted().toList(), net.pins(), net.name());
            for (String pin : net.pins()) {
                int slash = pin.lastIndexOf('/');
                ModuleDescription m = slash < 0 ? null : byPath.get(pin.substring(0, slash));
                if (m != null && m.ports().containsKey(pin.substring(slash + 1))) {
                    modulePins++;
                    assertEquals(net.name(), m.ports().get(pin.substring(slash + 1)).signame(), pin);
                }
            }
            assertThrows(UnsupportedOperationException.class, () -> net.pins().set(0, "x"));
        }
        assertTrue(modulePins > md.nets().size(), modulePins + " module pins on " + md.nets().size() + " nets");
    }

    private static void add(Map<Vlnv, Set<Vlnv>> byValue, Vlnv v) {
        if (v != null) {
            byValue.computeIfAbsent(v, k -> Collections.newSetFromMap(new IdentityHashMap<>())).add(v);
        }
    }

    /** Every String reachable through records, maps and collections, grouped by value. */
    private static void walk(Object o, Set<Object> seen, Map<String, Set<String>> instances) {
        if (o == null || !seen.add(o)) {
            return;
        }
        if (o instanceof String s) {
            instances.computeIfAbsent(s, k -> Collections.newSetFromMap(new IdentityHashMap<>())).add(s);
        } else if (o instanceof Map<?, ?> m) {
            m.forEach((k, v) -> {
                walk(k, seen, instances);
                walk(v, seen, instances);
            });
        } else if (o instanceof Collection<?> c) {
            c.forEach(x -> walk(x, seen, instances));
        } else if (o.getClass().isRecord()) {
            for (RecordComponent rc : o.getClass().getRecordComponents()) {
                try {
                    walk(rc.getAccessor().invoke(o), seen, instances);
                } catch (ReflectiveOperationException e) {
                    throw new AssertionError(rc.toString(), e);
                }
            }
        }
    }
}
