package io.jynq.kernel.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Default classes imported by name as cells mention them behave as {@code import PKG.*;} did. */
class DefaultImportsEvalTest {
    private JShellEvaluator ev;

    @BeforeEach
    void start() {
        ev = new JShellEvaluator(null, List.of());
        ev.useDefaultImports(new DefaultImports(getClass().getClassLoader(),
                List.of("java.util", "java.time", "java.util.function", "java.util.stream")));
    }

    @AfterEach
    void stop() {
        ev.close();
    }

    @Test
    void aCellUsesDefaultClassesWithoutImportingThem() {
        assertEquals("PT2S 3", ev.eval("Duration d = Duration.ofSeconds(2);\n"
                + "Function<Integer, Integer> f = i -> i + 1;\nd + \" \" + f.apply(List.of(1, 2).size())"));
        assertEquals(List.of(1), ev.eval("Stream.of(1).collect(Collectors.toList())"));
        assertEquals("PT2S", ev.eval("d").toString(), "the variable keeps its value");
    }

    @Test
    void aClassTheSessionDeclaresWinsOverADefaultOne() {
        assertEquals("PT1S", ev.eval("Duration.ofSeconds(1)").toString());
        ev.eval("class Duration { int x = 3; }");
        assertEquals(3, ev.eval("new Duration().x"), "the cell's own Duration, as with an on-demand import");
        assertEquals(5, ev.eval("class Optional { int y = 5; }\nnew Optional().y"), "declared and used in one cell");
    }

    @Test
    void theUsersOwnImportWinsBeforeAndAfter() {
        ev.eval("import java.awt.List;");
        assertEquals("java.awt.List", ev.eval("List.class.getName()"));
        assertEquals("java.util.HashMap", ev.eval("new HashMap<String, Integer>().getClass().getName()"));
        ev.eval("import java.util.concurrent.ConcurrentHashMap;");
        ev.eval("import java.util.List;");
        assertEquals("java.util.List", ev.eval("List.class.getName()"));
    }

    @Test
    void completionOffersDefaultClassesNotYetImported() {
        CodeAssist assist = new CodeAssist(ev);
        CodeAssist.Completion c = assist.complete("LocalDa", 7);
        assertTrue(c.options().contains("LocalDate"), c.options().toString());
        assertEquals(0, c.start());
        assertTrue(assist.complete("Duration.ofSec", 14).options().stream().anyMatch(o -> o.startsWith("ofSeconds")),
                "members of a default class complete");
    }
}
