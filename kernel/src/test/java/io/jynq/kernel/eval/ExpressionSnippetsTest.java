package io.jynq.kernel.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Which snippets the evaluator tries as expressions. A declaration or statement taken for an
 * expression costs a failed parse; an expression taken for a declaration costs JShell's slow path.
 * Either way the result is right ({@link ExpressionCellsTest}); this checks the common shapes,
 * calls (maybe void) too, go the fast way, and declarations never do.
 */
class ExpressionSnippetsTest {
    @ParameterizedTest
    @ValueSource(strings = {"1+1", "x", "x = 3", "x++", "-x", "new int[] {1, 2}", "new java.util.ArrayList<String>()",
        "(int) y", "a < b", "int.class", "this.x", "x instanceof String s", "true", "null", "'c'", ".5 * 2",
        "\"s\".length() + 1", "a.b(c) * 2", "x = f(y)", "new Foo(bar(1))", "new Object() { }", "m.get(\"k\").value",
        "1 + 1; // trailing comment", "\"\"\"\n  text; block\n  \"\"\"", "ok ? f() : g()"})
    void expressionsWithAValueTakeTheFastPath(String snippet) {
        String wrapped = ExpressionSnippets.wrap(snippet, 0);
        assertNotNull(wrapped, snippet);
        assertTrue(wrapped.startsWith("Object " + ExpressionSnippets.VALUE_VAR + "0 = "), wrapped);
    }

    /**
     * A call at the top may be void, which no variable holds: it takes the wrapper too, and is known
     * by its method's name ({@code callKey}) so that a void one goes to JShell's path next time.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"ol.ip_dict()|ip_dict", "System.out.println(\"a; b\");|println",
        "\"s\".length()|length", "Collections.<String>emptyList()|emptyList", "foo(); // trailing comment|foo",
        "m.get(\"k\") /* c */ ;|get", "list.stream().map(v -> v + 1).toList()|toList", "(f())|(f())",
        "new Foo().bar()|bar", "a[0].run()|run", "x.<T>f(1, 2)|f", "f(a)(b)|f(a)(b)"})
    void callsTakeTheWrapperAndAreKnownByName(String snippet, String key) {
        assertNotNull(ExpressionSnippets.wrap(snippet, 0), snippet);
        assertEquals(key, ExpressionSnippets.callKey(snippet), snippet);
    }

    /** Expressions that surely are not a call at the top have a value: no call key. */
    @ParameterizedTest
    @ValueSource(strings = {"1+1", "x", "a.b(c) * 2", "x = f(y)", "new Foo(bar(1))", "ok ? f() : g()"})
    void valuesThatAreNotCallsHaveNoCallKey(String snippet) {
        assertNull(ExpressionSnippets.callKey(snippet), snippet);
    }

    @ParameterizedTest
    @ValueSource(strings = {"int x = 1;", "List<String> xs = new ArrayList<>();", "var v = 3;", "String s;",
        "Map.Entry<String, List<Integer>> e = null;", "int[] a = {1};", "String[][] grid;", "for (int i = 0; i < 3; i++) { }",
        "if (x) { }", "while (true) { }", "class A { }", "interface I { }", "enum E { A }", "record R(int a) { }",
        "void f() { }", "String name(int i) { return \"\"; }", "<T> T id(T t) { return t; }", "@Deprecated class D { }",
        "import java.util.*;", "import static java.lang.Math.max;", "outer: for (;;) { break outer; }", "{ }", ";",
        "try { } finally { }", "switch (x) { default -> { } }", "return;", "throw new RuntimeException();",
        "synchronized (this) { }", "final int k = 1;", "static int s;", "public class P { }", "do { } while (false);",
        "// only a comment", "Foo<Bar>.Baz q;"})
    void declarationsAndStatementsDoNot(String snippet) {
        assertNull(ExpressionSnippets.wrap(snippet, 0), snippet);
    }
}
