package io.jynq.kernel.magics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import org.dflib.jjava.jupyter.kernel.ReplacementOptions;
import org.dflib.jjava.jupyter.kernel.magic.MagicsRegistry;
import org.junit.jupiter.api.Test;

class KernelMagicsTest {
    @Test
    void cellTimeEvaluatesTheBodyOnly() {
        List<String> seen = new ArrayList<>();
        Object v = KernelMagics.evalWithTiming("%%time\nint a = 1;\na + 1", c -> {
            seen.add(c);
            return 2;
        });
        assertEquals(2, v);
        assertEquals(List.of("int a = 1;\na + 1"), seen);
    }

    @Test
    void lineTimeSplitsAroundTheTimedLine() {
        List<String> seen = new ArrayList<>();
        KernelMagics.evalWithTiming("int a = 1;\n%time a = a + 1;\nSystem.out.println(a);", c -> {
            seen.add(c.strip());
            return null;
        });
        assertEquals(List.of("int a = 1;", "a = a + 1;", "System.out.println(a);"), seen);
    }

    @Test
    void cellsWithoutTimeGoStraightThrough() {
        List<String> seen = new ArrayList<>();
        KernelMagics.evalWithTiming("%lsmagic", c -> seen.add(c));
        assertEquals(List.of("%lsmagic"), seen);
    }

    @Test
    void completesMagicNamesAtLineStartOnly() {
        MagicsRegistry r = new MagicsRegistry();
        KernelMagics.register(r);
        ReplacementOptions o = KernelMagics.completeMagicName(r, "int x = 1;\n%ls", 14);
        assertEquals(List.of("lsmagic"), o.getReplacements());
        assertEquals(12, o.getSourceStart());
        assertEquals(List.of("time"), KernelMagics.completeMagicName(r, "%%ti", 4).getReplacements());
        assertNull(KernelMagics.completeMagicName(r, "x % y", 5));
    }
}
