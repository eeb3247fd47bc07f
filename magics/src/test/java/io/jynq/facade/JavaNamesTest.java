package io.jynq.facade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class JavaNamesTest {
    @Test
    void sanitisesAsPynqDoes() {
        assertEquals("axi_dma_0", JavaNames.field("axi_dma_0"));
        assertEquals("rgb_leds", JavaNames.field("rgb.leds"));
        assertEquals("r7seg", JavaNames.field("7seg"));
        assertEquals("a_b_c", JavaNames.field("a/b-c"));
    }

    @Test
    void keywordsGetAnUnderscore() {
        assertEquals("switch_", JavaNames.field("switch"));
        assertEquals("new_", JavaNames.field("new"));
    }

    @Test
    void typesAreUpperCamelCase() {
        assertEquals("HdmiIn", JavaNames.type("hdmi_in"));
        assertEquals("VideoHdmiInFrontend", JavaNames.type("video_hdmi_in_frontend"));
        assertEquals("R7seg", JavaNames.type("7seg"));
    }

    @Test
    void identifierCheckSuggestsAName() {
        assertTrue(JavaNames.isIdentifier("ol"));
        assertFalse(JavaNames.isIdentifier("class"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> JavaNames.requireIdentifier("my-ol", "variable name"));
        assertEquals("variable name \"my-ol\" is not a Java identifier; try my_ol", e.getMessage());
    }

    /** Hostile names as javac sees them: every literal compiles back to its text. */
    @Test
    void literalsOfHostileNamesCompileToTheSameText() throws Exception {
        String[] names = {"a\"b", "back\\slash", "\\u0022 quote by escape", "line\nbreak\r\t", "*/ end", "\u0000nul", "été €"};
        StringBuilder src = new StringBuilder("public class Lits { public static final String[] V = {");
        for (String n : names) {
            src.append(JavaNames.literal(n)).append(", ");
        }
        src.append("}; /** ");
        for (String n : names) {
            src.append(JavaNames.comment(n)).append(' ');
        }
        src.append("*/ }");
        String[] back = (String[]) InMemoryCompiler.compile("Lits", src.toString()).getField("V").get(null);
        assertEquals(java.util.List.of(names), java.util.List.of(back));
    }

    @Test
    void emptyNameIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> JavaNames.field(""));
    }
}
