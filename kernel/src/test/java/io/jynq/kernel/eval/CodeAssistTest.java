package io.jynq.kernel.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CodeAssistTest {
    private static JShellEvaluator ev;
    private static CodeAssist assist;

    @BeforeAll
    static void start() {
        ev = new JShellEvaluator(null, List.of());
        assist = new CodeAssist(ev);
    }

    @AfterAll
    static void stop() {
        ev.close();
    }

    @Test
    void completesMembersFromTheAnchor() {
        CodeAssist.Completion c = assist.complete("System.out.pri", 14);
        assertTrue(c.options().containsAll(List.of("print(", "printf(", "println(")), c.options().toString());
        assertEquals(11, c.start());
        assertEquals(14, c.end());
    }

    @Test
    void completesIpNamesOfAnOverlayVariable() {
        ev.eval("public class FakeOverlay { public java.util.Map<String, Object> ipDict() {"
                + " return java.util.Map.of(\"axi_dma_0\", 1, \"axi_gpio_0\", 2, \"leds\", 3); } }");
        ev.eval("var ol = new FakeOverlay();");
        String code = "var dma = ol.ip(\"axi_";
        CodeAssist.Completion c = assist.complete(code, code.length());
        assertEquals(List.of("axi_dma_0", "axi_gpio_0"), c.options());
        assertEquals(code.length() - 4, c.start());
    }

    @Test
    void documentationFindsOverloadsFromInsideTheName() {
        String doc = assist.documentation("Math.max(1, 2)", 6);
        assertTrue(doc.contains("int Math.max(int a, int b)") && doc.contains("double Math.max(double a, double b)"), doc);
    }

    @Test
    void documentationSurvivesARejectedClassDeclaration() {
        // JDK 25's JShell answers no documentation once a class declaration was rejected
        JShellEvaluator fresh = new JShellEvaluator(null, List.of());
        try {
            org.junit.jupiter.api.Assertions.assertThrows(CompileException.class,
                    () -> fresh.eval("class Bad {\n    int f() {\n        return \"s\";\n    }\n}"));
            String doc = new CodeAssist(fresh).help("Math.max?").orElseThrow();
            assertTrue(doc.contains("int Math.max(int a, int b)"), doc);
        } finally {
            fresh.close();
        }
    }

    @Test
    void completenessWithIndent() {
        assertEquals(new CodeAssist.Completeness(CodeAssist.Status.INCOMPLETE, "    "), assist.isComplete("if (true) {"));
        assertEquals(new CodeAssist.Completeness(CodeAssist.Status.INCOMPLETE, "      "),
                assist.isComplete("  for (;;) {\n  int x = 1;\n  if (x > 0) {"));
        assertEquals(CodeAssist.Status.COMPLETE, assist.isComplete("int x = 1;\nx + 1").status());
        assertEquals(CodeAssist.Status.COMPLETE, assist.isComplete("%lsmagic").status());
        assertEquals(CodeAssist.Status.INVALID, assist.isComplete("int y = ;)").status());
    }

    @Test
    void timeoutsParseTheUsualForms() {
        assertEquals(Duration.ofSeconds(30), Timeouts.parse("30"));
        assertEquals(Duration.ofSeconds(30), Timeouts.parse("30 SECONDS"));
        assertEquals(Duration.ofMillis(500), Timeouts.parse("500ms"));
        assertEquals(Duration.ofMinutes(2), Timeouts.parse("2m"));
        assertEquals(Duration.ofSeconds(90), Timeouts.parse("PT1M30S"));
        assertEquals(null, Timeouts.parse("0"));
        assertEquals(null, Timeouts.parse(""));
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> Timeouts.parse("soon"));
        assertTrue(e.getMessage().contains("'soon'"), e.getMessage());
    }
}
