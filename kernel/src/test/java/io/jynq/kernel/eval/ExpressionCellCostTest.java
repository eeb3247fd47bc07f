package io.jynq.kernel.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What an expression cell costs does not grow with the cells before it. The wrapper's value
 * variable once had one name in every cell ({@code $jynqValue0}), so JShell took each new one for
 * a redeclaration of the dropped ones before it: it tried to redefine their classes in place,
 * compiled the new one under the next unused name ({@code $JShell$2BC}, {@code $JShell$2BD}, ...)
 * and javac entered every earlier one. Through jupyter_client the 300th distinct expression of a
 * session ({@code 1+299}) took 280 ms where the first took 10; {@code 1+1} repeated was spared
 * only because JShell reuses a class whose source is unchanged.
 */
class ExpressionCellCostTest {
    @Test
    void noExpressionCellRedefinesTheClassesOfEarlierOnes() {
        try (JShellEvaluator ev = new JShellEvaluator(null, List.of())) {
            ev.eval("import java.util.List;");
            for (int i = 0; i < 40; i++) {
                assertEquals(1 + i, ev.eval("1+" + i));
                assertEquals("x" + i, ev.eval("\"x\" + " + i + ";\n2 * " + i + ";\n\"x\" + " + i));
                assertEquals(2, ev.eval("1+1"));
            }
            assertEquals(0, ev.redefinesTried(), "classes of earlier snippets JShell tried to redefine");
        }
    }

    @Test
    void aUserVariableRedeclaredIsStillReplacedAsBefore() {
        // the count is not blind: a user's own redeclaration is a replacement, which JShell redefines
        try (JShellEvaluator ev = new JShellEvaluator(null, List.of())) {
            ev.eval("int v = 1;");
            ev.eval("int v = 2;");
            assertEquals(2, ev.eval("v"));
            assertEquals(true, ev.redefinesTried() > 0, "JShell tried no redefinition for int v redeclared");
        }
    }
}
