package io.jynq.kernel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code ./jynq --version} and {@code ./jynq --help}: the build's version, every JVM subcommand. */
class JynqMainTest {

    private static String run(String... args) {
        StringWriter out = new StringWriter();
        CommandLine cl = new CommandLine(new JynqMain());
        cl.setOut(new PrintWriter(out, true));
        assertEquals(0, cl.execute(args));
        return out.toString();
    }

    @Test
    void versionIsTheOneMavenBuilt() throws IOException {
        Properties built = new Properties();
        try (InputStream in = io.jynq.kernel.KernelInfo.class.getResourceAsStream("version.properties")) {
            built.load(in);
        }
        String v = built.getProperty("version");
        assertNotEquals("${project.version}", v, "version.properties is filtered by the build");
        assertEquals("jynq " + v, run("--version").strip());
    }

    @Test
    void helpListsTheFileCommandsThatMovedOutOfTheObjectModel() {
        String help = run("--help");
        for (String cmd : new String[] {"hwh", "bit", "core", "d2l", "overlays", "install-kernel"}) {
            assertTrue(help.lines().anyMatch(l -> l.strip().startsWith(cmd + " ")), cmd + " in\n" + help);
        }
    }
}
