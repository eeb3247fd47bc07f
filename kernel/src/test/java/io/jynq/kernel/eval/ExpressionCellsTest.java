package io.jynq.kernel.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import jdk.jshell.Snippet;
import jdk.jshell.VarSnippet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Expression cells through {@link ExpressionSnippets}' wrapper mean what JShell makes of them:
 * the value (or none for a void call), side effects once, javac's own words for errors, the cell
 * line of a runtime error, checked exceptions, stop. Each value here is what the {@code jshell}
 * tool prints for the same input.
 */
class ExpressionCellsTest {
    private static JShellEvaluator ev;

    @BeforeAll
    static void start() {
        ev = new JShellEvaluator(null, List.of());
    }

    @AfterAll
    static void stop() {
        ev.close();
    }

    @Test
    void anExpressionTakesTheWrapperAndLeavesNoVariable() {
        long before = ev.shell().variables().filter(v -> ev.shell().status(v).isActive()).count();
        assertEquals(2, ev.eval("1+1"));
        VarSnippet last = (VarSnippet) ev.shell().snippets().filter(s -> s.kind() == Snippet.Kind.VAR)
                .reduce((a, b) -> b).orElseThrow();
        assertTrue(last.name().startsWith(ExpressionSnippets.VALUE_VAR), "1+1 did not compile in the wrapper: the slow path ran");
        assertEquals(before, ev.shell().variables().filter(v -> ev.shell().status(v).isActive()).count());
    }

    /** Tutorial 07's cells: several expression statements in one cell each run once, the last gives the value. */
    @Test
    void aCellOfSeveralExpressionStatementsRunsEachOnce() {
        ev.eval("java.util.List<Integer> calls = new java.util.ArrayList<>();");
        assertEquals(2, ev.eval("calls.add(1);\ncalls.add(2);\ncalls.size()"));
        assertSame(JShellEvaluator.NO_VALUE, ev.eval("calls.add(3);\nSystem.out.print(\"\");\ncalls.add(4);"));
        assertEquals(List.of(1, 2, 3, 4), ev.eval("calls"));
    }

    @Test
    void valuesAndVoidCallsMeanWhatJShellMakesOfThem() {
        assertEquals(3, ev.eval("\"abc\".length()"));
        assertSame(JShellEvaluator.NO_VALUE, ev.eval("\"abc\".length();"), "a trailing ; shows no value");
        assertSame(JShellEvaluator.NO_VALUE, ev.eval("System.out.print(\"\")"), "a void call has no value");
        assertEquals('c', ev.eval("'c'"));
        assertEquals(5L, ev.eval("2L + 3"));
        assertEquals(null, ev.eval("(String) null"));
        assertEquals(List.of(), ev.eval("java.util.Collections.emptyList()"));
        assertEquals("anon", ev.eval("new Object() { public String toString() { return \"anon\"; } }").toString());
        assertEquals(6, ev.eval("java.util.stream.IntStream.of(1, 2, 3).map(v -> v * 2).max().getAsInt()"));
        assertEquals(7, ev.eval("1 + // a comment\n 6 // and another"));
    }

    /**
     * A call with a value compiles in the wrapper (two javac passes, not JShell's four); a void call
     * is rejected there, runs once through JShell's path with no value, and the next call of that
     * method skips the wrapper.
     */
    @Test
    void callsTakeTheWrapperAndVoidOnesFallBackOnce() {
        assertEquals(3, ev.eval("\"abc\".length()"));
        assertTrue(lastVariable().name().startsWith(ExpressionSnippets.VALUE_VAR), "a call with a value took the slow path");
        ev.eval("java.util.List<String> noted = new java.util.ArrayList<>();");
        ev.eval("void note(String s) { noted.add(s); }");
        long tries = rejectedWrappers();
        assertSame(JShellEvaluator.NO_VALUE, ev.eval("note(\"a\")"), "a void call has no value");
        assertEquals(tries + 1, rejectedWrappers(), "the first void call tried the wrapper");
        assertSame(JShellEvaluator.NO_VALUE, ev.eval("note(\"b\")"));
        assertEquals(tries + 1, rejectedWrappers(), "a known void method skips the wrapper");
        assertEquals(List.of("a", "b"), ev.eval("noted"), "each void call ran once");
        assertEquals(2, ev.eval("noted.size()"), "another method still takes the wrapper");
    }

    private static VarSnippet lastVariable() {
        return (VarSnippet) ev.shell().snippets().filter(s -> s.kind() == Snippet.Kind.VAR).reduce((a, b) -> b).orElseThrow();
    }

    private static long rejectedWrappers() {
        return ev.shell().snippets().filter(s -> s instanceof VarSnippet v && v.name().startsWith(ExpressionSnippets.VALUE_VAR)
                && ev.shell().status(s) == Snippet.Status.REJECTED).count();
    }

    /** KernelProtocolIT's cell: two calls and a declaration, each run once and in order. */
    @Test
    void severalExpressionsInOneCellEachRun() {
        ev.eval("StringBuilder order = new StringBuilder();");
        assertSame(JShellEvaluator.NO_VALUE, ev.eval("order.append(\"a\"); order.append(\"b\"); int twentyOne = 21;"));
        assertEquals(42, ev.eval("twentyOne * 2"));
        assertEquals("ab", ev.eval("order.toString()"));
        assertEquals(4, ev.eval("order.append(\"c\");\n1 + 1;\n2 + 2"), "the last expression is the value");
        assertEquals("abc", ev.eval("order.toString()"));
    }

    @Test
    void assignmentsAndIncrementsChangeSessionVariablesOnce() {
        ev.eval("int counted = 5;");
        assertEquals(7, ev.eval("counted = 7"));
        assertEquals(7, ev.eval("counted++"), "x++ is the old value, as in jshell");
        assertEquals(8, ev.eval("counted"));
        ev.eval("java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();");
        assertEquals(1, ev.eval("calls.incrementAndGet()"));
        assertEquals(1, ev.eval("calls.get()"), "the expression ran once");
    }

    @Test
    void checkedExceptionsNeedNoTry() {
        assertSame(JShellEvaluator.NO_VALUE, ev.eval("Thread.sleep(1)"));
        SnippetException e = assertThrows(SnippetException.class,
                () -> ev.eval("java.nio.file.Files.readString(java.nio.file.Path.of(\"/no/such/file\"))"));
        assertEquals("java.nio.file.NoSuchFileException", e.ename());
    }

    @Test
    void compileErrorsKeepJavacsWordsAndPlace() {
        ev.eval("int okay = 1;");
        CompileException e = assertThrows(CompileException.class, () -> ev.eval("int unused = 0;\nokay + undefinedThing"));
        assertTrue(e.evalue().startsWith("line 2, column 8: cannot find symbol"), e.evalue());
        assertEquals("    okay + undefinedThing", e.traceback().get(1));
        String all = String.join("\n", e.traceback());
        assertTrue(!all.contains("CellValue") && !all.contains(ExpressionSnippets.VALUE_VAR) && !all.contains("lambda"), all);
        CompileException call = assertThrows(CompileException.class, () -> ev.eval("okay + 1;\n\"abc\".nosuch(okay)"));
        assertTrue(call.evalue().startsWith("line 2, column 6: cannot find symbol"), call.evalue());
        CompileException bad = assertThrows(CompileException.class, () -> ev.eval("\"a\" - 1"));
        assertTrue(bad.evalue().startsWith("line 1, column 5: bad operand types for binary operator '-'"), bad.evalue());
        assertThrows(CompileException.class, () -> ev.eval("unused"), "the failed cell declared nothing");
    }

    @Test
    void runtimeErrorsNameTheCellLineAndNoWrapper() {
        SnippetException e = assertThrows(SnippetException.class, () -> ev.eval("int n = 1;\n\nInteger.parseInt(\"x\" + n)"));
        assertEquals("java.lang.NumberFormatException", e.ename());
        List<String> tb = e.traceback();
        assertEquals("\tat <cell>(cell line 3)", tb.get(tb.size() - 1), String.join("\n", tb));
        assertTrue(tb.stream().noneMatch(l -> l.contains("CellValue") || l.contains("lambda$")), String.join("\n", tb));
    }

    @Test
    void aVariableNamedIoStillEvaluates() {
        try (JShellEvaluator own = new JShellEvaluator(null, List.of())) {
            own.eval("String io = \"shadows the package io\";");
            assertEquals(22, own.eval("io.length()"), "the wrapper names io.jynq...: JShell's path takes over");
            assertEquals(2, own.eval("1+1"));
        }
    }

    @Test
    void stopEndsABlockingExpression() throws Exception {
        StoppableCell cell = StoppableCell.start(ev, "Thread.sleep(60_000)", java.time.Duration.ofSeconds(60));
        Thread.sleep(300);
        cell.stopAndAwait(java.time.Duration.ofSeconds(10));
        assertEquals(4, ev.eval("2+2"));
    }
}
