package io.jynq.kernel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.jynq.testing.SharedData;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code jynq core} on servant.core: the listing, a resolved target, JSON, and a bad core. */
class CoreCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(Object command, String... args) {
        CommandLine cl = new CommandLine(command);
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    @Test
    void listsTheCore() {
        String servant = SharedData.capi2("serv/servant.core").toString();
        assertEquals(0, run(new CoreCommand(), servant));
        String text = out.toString();
        assertTrue(text.startsWith("award-winning:serv:servant:1.4.0  Simple reference system for SERV\n"), text);
        assertTrue(text.contains("targets (40):"), text);
        assertTrue(text.matches("(?s).*\\n  sim +icarus +Simulation target\\n.*"), text);
    }

    @Test
    void resolvesATargetWithFlags() {
        String servant = SharedData.capi2("serv/servant.core").toString();
        assertEquals(0, run(new CoreCommand(), servant, "--target", "sim", "--flags", "mdu"));
        String text = out.toString();
        assertTrue(text.startsWith("award-winning:serv:servant:1.4.0 target sim (tool icarus)\n"), text);
        assertTrue(text.contains("flags defined: is_toplevel, mdu, target_sim, tool_icarus\n"), text);
        assertTrue(text.contains("files (9):\n"), text);
        assertTrue(text.contains("  MDU             int vlogdefine = 1\n"), text);
    }

    @Test
    void jsonOfAResolvedTarget() {
        String servant = SharedData.capi2("serv/servant.core").toString();
        assertEquals(0, run(new CoreCommand(), servant, "--target", "icestick", "--json"));
        JsonObject o = JsonParser.parseString(out.toString()).getAsJsonObject();
        assertEquals("award-winning:serv:servant:1.4.0", o.get("core").getAsString());
        assertEquals("icestorm", o.get("tool").getAsString());
        assertEquals(32, o.getAsJsonArray("generate").get(0).getAsJsonObject().getAsJsonObject("config")
                .get("freq_out").getAsInt());
    }

    @Test
    void badCoreGivesOneLineAndStatus1() {
        Path bad = SharedData.capi2("fusesoc-tests/syntax_error.core");
        assertEquals(1, run(new CoreCommand(), bad.toString()));
        assertEquals(bad + ":7:1: YAML syntax error: while parsing a flow node: expected the node content, but found"
                + " '<stream end>'\n", err.toString());
        assertEquals("", out.toString());
    }

    @Test
    void unknownTargetListsTargets() {
        String servant = SharedData.capi2("serv/servant.core").toString();
        assertEquals(1, run(new CoreCommand(), servant, "--target", "simm"));
        assertTrue(err.toString().contains("has no target \"simm\"; targets: default, ac701"), err.toString());
    }
}
