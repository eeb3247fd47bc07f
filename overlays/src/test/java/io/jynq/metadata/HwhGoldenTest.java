package io.jynq.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import io.jynq.testing.SharedData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link OverlayMetadata#toPynqJson()} against what PYNQ's legacy parser computed for each real
 * {@code .hwh} in {@code ../shared/testdata/hwh} (the golden {@code NAME.pynq.json}). Nothing may
 * differ except the deliberate fixes listed in {@link #DELIBERATE}, each with its reason.
 */
class HwhGoldenTest {

    /** Differences JYNQ makes on purpose, per file: the exact diff line and why. */
    private static final Map<String, Map<String, String>> DELIBERATE = Map.of();

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"ultra96_sensors96b", "kv260_pr2_add_partial", "pynqz1_logictools", "pynqz1_base",
            "kv260_cv_dfx_3_pr"})
    void pynqJsonEqualsPynqLegacyParser(String name) throws IOException {
        OverlayMetadata md = HwhParser.parse(SharedData.hwh(name + ".hwh"));
        JsonElement expected = JsonParser.parseString(
                Files.readString(SharedData.hwh(name + ".pynq.json"), StandardCharsets.UTF_8));
        JsonElement actual = JsonParser.parseString(md.toPynqJson());
        List<String> diffs = JsonDiff.diff(expected, actual);
        Map<String, String> allowed = DELIBERATE.getOrDefault(name, Map.of());
        List<String> unexplained = diffs.stream().filter(d -> !allowed.containsKey(d)).toList();
        assertEquals(List.of(), unexplained.subList(0, Math.min(40, unexplained.size())),
                unexplained.size() + " unexplained differences from PYNQ in " + name);
        assertEquals(allowed.keySet(), Set.copyOf(diffs), "every deliberate difference still occurs");
    }
}
