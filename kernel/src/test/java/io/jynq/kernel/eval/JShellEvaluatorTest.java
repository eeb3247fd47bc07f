package io.jynq.kernel.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

public class JShellEvaluatorTest {
    private static JShellEvaluator ev;

    @BeforeAll
    static void start() {
        ev = new JShellEvaluator(null, List.of());
    }

    @AfterAll
    static void stop() {
        ev.close();
    }

    /** Shared with snippets: a kernel-side object a snippet reads back must be the same instance. */
    public static final Object SHARED = new Object();

    @Test
    void lastExpressionIsTheValueAsAnObject() {
        assertEquals(2, ev.eval("1+1"));
        assertSame(JShellEvaluator.NO_VALUE, ev.eval("int a = 5;"));
        assertEquals(10, ev.eval("int b = 2;\na * b"));
        assertEquals(List.of(1, 2), ev.eval("java.util.List.of(1, 2)"));
    }

    @Test
    void expressionValuesDoNotPileUpAsSessionVariables() {
        long before = ev.shell().variables().count();
        for (int i = 0; i < 5; i++) {
            assertEquals(i * 2, ev.eval(i + " * 2"));
        }
        assertThrows(SnippetException.class, () -> ev.eval("Integer.parseInt(\"x\")"));
        assertEquals(before, ev.shell().variables().count(), "each $N would slow every later compile");
        assertSame(JShellEvaluator.NO_VALUE, ev.eval("int kept = 6 * 7;"));
        assertEquals(before + 1, ev.shell().variables().count());
        assertEquals(43, ev.eval("kept + 1"), "declared variables stay");
    }

    /**
     * Issue 14: a value shown by a cell but never assigned (a 511 MB buffer, say) is not held by
     * the session once shown, so the buffer's cleaner can give its memory back; a declared
     * variable's value is.
     */
    @Test
    void aCellsValueNeverAssignedIsNotHeldOnceShown() throws InterruptedException {
        Object shown = ev.eval("new Object[] {new byte[1 << 20], \"shown\"}");
        java.lang.ref.WeakReference<Object> gone = new java.lang.ref.WeakReference<>(shown);
        Object kept = ev.eval("Object[] keptValue = {\"kept\"};\nkeptValue");
        java.lang.ref.WeakReference<Object> stays = new java.lang.ref.WeakReference<>(kept);
        shown = null;
        kept = null;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (gone.get() != null && System.nanoTime() < deadline) {
            System.gc();
            Thread.sleep(20);
        }
        assertTrue(gone.get() == null, "the unassigned value ($N) is still reachable from the session");
        System.gc();
        assertTrue(stays.get() != null, "a declared variable keeps its value");
        assertEquals("kept", ev.eval("keptValue[0]"));
    }

    @Test
    void usingADroppedTemporaryExplainsWhy() {
        ev.eval("40 + 2");
        CompileException e = assertThrows(CompileException.class, () -> ev.eval("int t = $1 + 1;"));
        assertTrue(e.traceback().get(e.traceback().size() - 1).startsWith("hint: a cell's value is not kept as a $N"),
                String.join("\n", e.traceback()));
        CompileException other = assertThrows(CompileException.class, () -> ev.eval("String s = 42;"));
        assertTrue(other.traceback().stream().noneMatch(l -> l.startsWith("hint:")), "no hint for unrelated errors");
    }

    @Test
    void snippetsShareTheKernelHeap() {
        assertSame(SHARED, ev.eval("io.jynq.kernel.eval.JShellEvaluatorTest.SHARED"));
    }

    @Test
    void compileErrorPointsAtCellLineAndColumn() {
        CompileException e = assertThrows(CompileException.class, () -> ev.eval("int ok = 1;\n  String s = 42;"));
        assertTrue(e.evalue().startsWith("line 2, column 14: incompatible types: int cannot be converted"), e.evalue());
        assertEquals("      String s = 42;", e.traceback().get(1));
        assertEquals("    " + " ".repeat(13) + "^", e.traceback().get(2));
    }

    @Test
    void runtimeErrorNamesTheExceptionAndCellLines() {
        SnippetException e = assertThrows(SnippetException.class, () -> ev.eval("int z = 0;\nint q = 1 / z;"));
        assertEquals("java.lang.ArithmeticException", e.ename());
        assertEquals("/ by zero", e.evalue());
        assertEquals(List.of("java.lang.ArithmeticException: / by zero", "\tat <cell>(cell line 2)"), e.traceback());
    }

    @Test
    void stopEndsABusyLoopAndTheNextCellRuns() throws Exception {
        StoppableCell cell = StoppableCell.start(ev, "long n = 0;\nwhile (true) { n++; }", java.time.Duration.ofSeconds(60));
        Thread.sleep(300);
        cell.stopAndAwait(java.time.Duration.ofSeconds(5));
        assertEquals(4, ev.eval("2+2"));
    }

    @Test
    @Timeout(120)
    void backgroundThreadDoesNotHoldTheCell() {
        // the thread runs until a later cell opens the gate: a cell that waited for its threads
        // would never return (the timeout fails it), on a loaded machine as on an idle one
        ev.eval("var bgGate = new java.util.concurrent.CountDownLatch(1);"
                + " var bg = new Thread(() -> { try { bgGate.await(); } catch (InterruptedException e) { } }); bg.start();");
        assertEquals(true, ev.eval("bg.isAlive()"), "the cell returned while its thread still runs");
        ev.eval("bgGate.countDown(); bg.join(60_000);");
        assertEquals(false, ev.eval("bg.isAlive()"));
    }

    @Test
    void timeoutStopsTheCell() {
        try (JShellEvaluator limited = new JShellEvaluator(Duration.ofMillis(300), List.of())) {
            CellInterruptedException e = assertThrows(CellInterruptedException.class,
                    () -> limited.eval("while (true) { }"));
            assertEquals("cell exceeded JYNQ_TIMEOUT=300ms", e.evalue());
        }
    }
}
