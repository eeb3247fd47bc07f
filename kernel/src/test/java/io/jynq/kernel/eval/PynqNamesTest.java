package io.jynq.kernel.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A PYNQ user's Python names in a Java cell get the JYNQ name in the error, from README's table. */
class PynqNamesTest {
    private static JShellEvaluator ev;

    @BeforeAll
    static void start() {
        ev = new JShellEvaluator(null, List.of());
        ev.eval("class Ol { Object ipDict() { return null; } }\nOl ol = new Ol();");
    }

    @AfterAll
    static void stop() {
        ev.close();
    }

    private static String traceback(String cell) {
        CompileException e = assertThrows(CompileException.class, () -> ev.eval(cell));
        return String.join("\n", e.traceback());
    }

    @Test
    void pythonNamesGetTheJavaName() {
        assertTrue(traceback("ol.ip_dict").contains("hint: PYNQ's ip_dict is ipDict() in JYNQ"), traceback("ol.ip_dict"));
        assertTrue(traceback("ol.register_map").contains("hint: PYNQ's register_map is registers() in JYNQ"));
        assertTrue(traceback("MMIO m = null;").contains("hint: PYNQ's MMIO is Mmio in JYNQ"));
        assertTrue(traceback("var buf = allocate(1024);").contains("hint: PYNQ's allocate is Buffers.allocate(...) in JYNQ"));
        assertTrue(traceback("ol.sendchannel.transfer(null)").contains("sendChannel()"));
        // issue 16's names
        assertTrue(traceback("ol.pr_download(\"composable/pr_2\", \"rm.bit\")").contains("hint: PYNQ's pr_download is prDownload(region, bit) in JYNQ"));
        assertTrue(traceback("GPIO pin = null;").contains("hint: PYNQ's GPIO is Gpio in JYNQ"));
        assertTrue(traceback("ol.wait_for_value_async(1)").contains("onValue(v)"));
    }

    @Test
    void otherUnknownNamesGetNoHintAndNoEmptyLocation() {
        String t = traceback("ol.frobnicate");
        assertTrue(!t.contains("hint:"), t);
        assertTrue(!t.matches("(?s).*location: class\\s*(\\n.*)?$") && !t.contains("location: class \n"), t);
    }

    @Test
    void objectWaitOnAnObjectSaysAwait() {
        SnippetException e = assertThrows(SnippetException.class, () -> ev.eval("Object ch = new Object();\nch.wait();"));
        assertTrue(e.traceback().get(e.traceback().size() - 1).startsWith("hint: PYNQ's wait() is await() in JYNQ"),
                String.join("\n", e.traceback()));
    }

    /** README's "PYNQ names in JYNQ" table lists exactly this table, in this order. */
    @Test
    void readmeShowsTheSameTable() throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"));
        int at = readme.indexOf("| PYNQ | JYNQ |");
        assertTrue(at >= 0, "README has no PYNQ names table");
        Map<String, String> rows = new LinkedHashMap<>();
        Matcher m = Pattern.compile("^\\| `([^`]+)` \\| `([^`]+)` \\|$", Pattern.MULTILINE).matcher(readme.substring(at));
        int end = readme.indexOf("\n\n", at);
        while (m.find() && at + m.start() < end) {
            rows.put(m.group(1), m.group(2));
        }
        assertEquals(PynqNames.TABLE, rows);
    }
}
