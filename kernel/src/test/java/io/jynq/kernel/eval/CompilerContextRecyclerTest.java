package io.jynq.kernel.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * javac's reused compiler contexts keep something of every expression cell (see
 * {@link CompilerContextRecycler}); dropping them now and then bounds the live heap, and the
 * session (variables, classes, imports) carries on in the fresh contexts.
 */
class CompilerContextRecyclerTest {
    private static JShellEvaluator evaluator(int contextCells) {
        System.setProperty("jynq.eval.fastPath", "true");
        System.setProperty("jynq.eval.contextCells", String.valueOf(contextCells));
        try {
            return new JShellEvaluator(null, List.of());
        } finally {
            System.clearProperty("jynq.eval.fastPath");
            System.clearProperty("jynq.eval.contextCells");
        }
    }

    /**
     * Fails without the recycling ({@code contextCells} 0): each of these cells left about 60 kB
     * in javac's argument-type cache (measured 17 MB after 300 cells); bounded, it stays within
     * what 20 cells leave.
     */
    @Test
    void manyExpressionCellsDoNotGrowTheLiveHeap() {
        try (JShellEvaluator ev = evaluator(20)) {
            ev.eval("String s = \"abc\";");
            for (int i = 0; i < 40; i++) {
                cell(ev, i);
            }
            long before = liveHeap();
            for (int i = 0; i < 300; i++) {
                cell(ev, i);
            }
            long grown = liveHeap() - before;
            assertTrue(ev.compilerContextsDropped() > 0, "no compiler context was dropped");
            assertTrue(grown < 6_000_000, "300 expression cells grew the live heap by " + grown / 1000 + " kB");
        }
    }

    private static void cell(JShellEvaluator ev, int i) {
        Object value = ev.eval(i % 2 == 0 ? "Integer.valueOf(s.length() + " + i + ")" : "System.out.print(\"\")");
        assertEquals(i % 2 == 0 ? 3 + i : JShellEvaluator.NO_VALUE, value);
    }

    @Test
    void theSessionCarriesOnInFreshContexts() {
        try (JShellEvaluator ev = evaluator(2)) {
            ev.eval("import java.util.concurrent.atomic.AtomicInteger;");
            ev.eval("class Counter { final AtomicInteger n = new AtomicInteger(); int next() { return n.incrementAndGet(); } }");
            ev.eval("Counter c = new Counter();");
            for (int i = 1; i <= 6; i++) {
                assertEquals(i, ev.eval("c.next()"), "cell " + i);
            }
            assertTrue(ev.compilerContextsDropped() > 0, "no compiler context was dropped");
            assertEquals(List.of(7, 8), ev.eval("java.util.List.of(c.next(), new Counter().next() + 7)"));
            ev.eval("class Counter { int next() { return -1; } }");
            assertEquals(-1, ev.eval("new Counter().next()"), "a redefinition compiles against the new class");
        }
    }

    private static long liveHeap() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return memory.getHeapMemoryUsage().getUsed();
    }
}
