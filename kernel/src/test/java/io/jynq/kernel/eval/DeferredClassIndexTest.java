package io.jynq.kernel.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * JShell's class path index (issue 19: 16 MB of a board kernel's heap) is built only once
 * completion asks, and completion then still lists packages and qualified names.
 */
class DeferredClassIndexTest {
    @Test
    void cellsRunWithoutTheIndexAndTheFirstCompletionBuildsIt() {
        try (JShellEvaluator ev = new JShellEvaluator(null, List.of())) {
            assertEquals(2, ev.eval("1 + 1"));
            ev.eval("java.util.List<String> names = new java.util.ArrayList<>();");
            // what "fix imports" reads from the index: nothing while completion was never asked
            assertEquals(List.of(), ev.shell().sourceCodeAnalysis().listQualifiedNames("ArrayList", 9).getNames());

            String code = "import java.util.concurr";
            CodeAssist.Completion c = new CodeAssist(ev).complete(code, code.length());
            assertTrue(c.options().stream().anyMatch(o -> o.startsWith("concurrent")), c.options().toString());
            assertTrue(ev.shell().sourceCodeAnalysis().listQualifiedNames("ArrayList", 9).getNames()
                    .contains("java.util.ArrayList"));
            assertEquals(3, ev.eval("names.size() + 3"), "the session is intact after indexing");
        }
    }

    @Test
    void aSecondRequestDoesNotRefreshAgain() {
        try (JShellEvaluator ev = new JShellEvaluator(null, List.of())) {
            ev.indexClassPath(Duration.ofSeconds(30));
            assertTrue(ev.shell().sourceCodeAnalysis().listQualifiedNames("Object", 6).isUpToDate());
            ev.indexClassPath(Duration.ofSeconds(30)); // no class path change: stays up to date
            assertTrue(ev.shell().sourceCodeAnalysis().listQualifiedNames("Object", 6).isUpToDate());
        }
    }
}
