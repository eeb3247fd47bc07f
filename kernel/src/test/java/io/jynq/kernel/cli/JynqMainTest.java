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

    /**
     * One shape for every command (issue 11): each leaf subcommand is a {@link CliCommand}, so
     * its output goes to picocli's stream and bad input is one line and status 1. The remote
     * layer's {@code board} command cannot extend a kernel class and is the one exception.
     */
    @Test
    void everyKernelSubcommandHasTheOneShape() {
        java.util.List<String> leaves = new java.util.ArrayList<>();
        java.util.Deque<CommandLine> todo = new java.util.ArrayDeque<>(new CommandLine(new JynqMain()).getSubcommands().values());
        while (!todo.isEmpty()) {
            CommandLine c = todo.pop();
            if (!c.getSubcommands().isEmpty()) {
                todo.addAll(c.getSubcommands().values());
            } else if (c.getCommand().getClass().getPackageName().equals(JynqMain.class.getPackageName())) {
                assertTrue(c.getCommand() instanceof CliCommand, c.getCommandSpec().qualifiedName() + " is a CliCommand");
                leaves.add(c.getCommandName());
            }
        }
        assertTrue(leaves.containsAll(java.util.List.of("hwh", "bit", "core", "d2l", "overlays", "install-kernel",
                "reset", "shell-startup")), leaves.toString());
    }

    @Test
    void badInputIsOneLineNamingTheCommandOrStartingWithItsPlace() {
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new JynqMain());
        cl.setErr(new PrintWriter(err, true));
        cl.setOut(new PrintWriter(new StringWriter(), true));
        assertEquals(1, cl.execute("bit", "/no/such/file.bit"));
        assertTrue(err.toString().startsWith("jynq bit: "), err.toString());
        assertEquals(1, err.toString().strip().lines().count(), err.toString());
    }
}
