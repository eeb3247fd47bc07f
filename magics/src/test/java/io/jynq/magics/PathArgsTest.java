package io.jynq.magics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PathArgsTest {
    @Test
    void expandsVariablesDefaultsAndHome() {
        Map<String, String> env = Map.of("SHARED", "/data/shared", "EMPTY", "");
        assertEquals("/data/shared/bit/a.bit", PathArgs.expand("$SHARED/bit/a.bit", env));
        assertEquals("/data/shared/x", PathArgs.expand("${SHARED}/x", env));
        assertEquals("../../shared/x", PathArgs.expand("${NOPE:-../../shared}/x", env));
        assertEquals("dflt", PathArgs.expand("${EMPTY:-dflt}", env));
        assertEquals(io.jynq.config.JynqConfig.current().home() + "/ov.bit", PathArgs.expand("~/ov.bit", env));
        assertEquals("plain.bit", PathArgs.expand("plain.bit", env));
    }

    @Test
    void unsetVariableIsAUsageError() {
        MagicUsageException e = assertThrows(MagicUsageException.class, () -> PathArgs.expand("$NOPE/a", Map.of()));
        assertTrue(e.getMessage().startsWith("$NOPE is not set"), e.getMessage());
    }

    @Test
    void argsSplitOptionsFromWords() {
        MagicArgs a = MagicArgs.parse(List.of("load", "x", "--hwh", "h.hwh", "--no-download", "--kind=hist"),
                Set.of("--no-download"), Set.of("--hwh", "--kind"), "u");
        assertEquals(List.of("load", "x"), a.positional());
        assertEquals("h.hwh", a.option("--hwh", null));
        assertEquals("hist", a.option("--kind", null));
        assertTrue(a.flag("--no-download"));
        MagicUsageException e = assertThrows(MagicUsageException.class,
                () -> MagicArgs.parse(List.of("--hwh"), Set.of(), Set.of("--hwh"), "u"));
        assertEquals("--hwh needs a value: u", e.getMessage());
    }
}
