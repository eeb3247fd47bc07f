package io.jynq.kernel.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.List;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/**
 * javac's reused compiler contexts keep something of every expression cell (see
 * {@link CompilerContextRecycler}); dropping them now and then bounds the live heap, and the
 * session (variables, classes, imports) carries on in the fresh contexts.
 */
class CompilerContextRecyclerTest {
    private static JShellEvaluator evaluator(int contextCells) {
        System.setProperty("jynq.eval.contextCells", String.valueOf(contextCells));
        try {
            return new JShellEvaluator(null, List.of());
        } finally {
            System.clearProperty("jynq.eval.contextCells");
        }
    }

    /**
     * A session as a kernel's: each compile carries these imports, so what javac keeps of a
     * compile is as large as in a kernel (the default imports are single-type imports).
     */
    private static void session(JShellEvaluator ev) {
        for (String c : List.of("java.util.List", "java.util.Map", "java.util.Set", "java.util.ArrayList",
                "java.util.HashMap", "java.util.Arrays", "java.util.Optional", "java.util.function.Function",
                "java.util.stream.Collectors", "java.util.stream.IntStream", "java.time.Duration", "java.time.Instant",
                "java.math.BigInteger", "java.nio.file.Path", "java.nio.file.Files", "java.util.concurrent.TimeUnit")) {
            ev.eval("import " + c + ";");
        }
        ev.eval("String s = \"abc\";");
    }

    /**
     * Expression cells leave nothing in javac's reused contexts even when they are never dropped.
     * Fails on the earlier wrapper, {@code CellValue.of(() -> EXPR)}: javac kept each call cell's
     * speculatively attributed lambda body (about 400 kB a cell with 50 MB grown over 120 cells).
     */
    @Test
    void expressionCellsLeaveNothingInJavac() {
        try (JShellEvaluator ev = evaluator(0)) {
            session(ev);
            IntFunction<String> cell = i -> i % 2 == 0 ? "String.valueOf(s.length() + " + i + ")" : "s.length() * 2 + " + i;
            assertHeapBounded(ev, cell, i -> i % 2 == 0 ? String.valueOf(3 + i) : 6 + i);
        }
    }

    /**
     * Calls nested in the arguments of an overloaded method, or in a lambda passed to a method,
     * leave what javac attributed speculatively in its reused contexts, with or without the
     * wrapper; dropping the contexts every 20 cells bounds it. Fails when they are never dropped
     * ({@code -Djynq.test.contextCells=0}).
     */
    @Test
    void droppedContextsBoundWhatNestedCallsLeave() {
        try (JShellEvaluator ev = evaluator(Integer.getInteger("jynq.test.contextCells", 20))) {
            session(ev);
            IntFunction<String> cell = i -> i % 2 == 0 ? "String.valueOf(Integer.valueOf(s.length() + " + i + "))"
                    : "List.of(1).forEach(v -> System.out.print(String.valueOf(v).substring(1)))";
            assertHeapBounded(ev, cell, i -> i % 2 == 0 ? String.valueOf(3 + i) : JShellEvaluator.NO_VALUE);
        }
    }

    private static void assertHeapBounded(JShellEvaluator ev, IntFunction<String> cell, IntFunction<Object> value) {
        for (int i = 0; i < 20; i++) {
            assertEquals(value.apply(i), ev.eval(cell.apply(i)));
        }
        long before = liveHeap();
        for (int i = 0; i < 120; i++) {
            assertEquals(value.apply(i), ev.eval(cell.apply(i)));
        }
        long grown = liveHeap() - before;
        assertTrue(grown < 8_000_000, "120 cells grew the live heap by " + grown / 1000 + " kB");
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
