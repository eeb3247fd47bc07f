package io.jynq.kernel.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.List;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/**
 * Expression cells leave nothing behind in the compiler state JShell keeps all session long
 * (see {@link ExpressionSnippets} for what the earlier wrapper left and why).
 */
class ExpressionRetentionTest {
    /**
     * A session as a kernel's: each compile carries these imports, so what javac would keep of a
     * compile is as large as in a kernel (its default imports are single-type imports).
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
     * 120 expression cells, half of them calls, half values, do not grow the live heap. Fails on the
     * earlier wrapper, {@code CellValue.of(() -> EXPR)}: the live heap grew by 173 MB over these 120
     * cells (javac kept each call cell's speculatively attributed lambda body).
     */
    @Test
    void expressionCellsLeaveNothingInJavac() {
        try (JShellEvaluator ev = new JShellEvaluator(null, List.of())) {
            session(ev);
            IntFunction<String> cell = i -> i % 2 == 0 ? "String.valueOf(s.length() + " + i + ")" : "s.length() * 2 + " + i;
            IntFunction<Object> value = i -> i % 2 == 0 ? String.valueOf(3 + i) : 6 + i;
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
    }

    private static long liveHeap() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return memory.getHeapMemoryUsage().getUsed();
    }
}
