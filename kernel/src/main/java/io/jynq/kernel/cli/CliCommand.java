package io.jynq.kernel.cli;

import io.jynq.error.JynqException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The one shape of a {@code jynq} subcommand: picocli sets the options, {@link #run} prints the
 * result to picocli's output stream (so tests and callers can capture it), and bad input becomes
 * one line on the error stream and exit status 1, never a stack trace. Bad input is a
 * {@link JynqException} (bad files, settings, devices: their messages are written for a user),
 * an {@link UncheckedIOException} (a file that cannot be read or written) or an
 * {@link IllegalArgumentException} (an argument refused, named in the message). The line is the
 * message itself when it starts with its place ({@code base.hwh:12:5: ...}, as compilers print),
 * else {@code jynq COMMAND: message}. Anything else is a bug and propagates to picocli.
 */
abstract class CliCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    /**
     * Does the command's work, printing to {@code out}; throws bad input as described above (a
     * checked exception, e.g. an interrupt, propagates to picocli).
     */
    abstract void run(PrintWriter out) throws Exception;

    @Override
    public final Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        try {
            run(out);
        } catch (JynqException | UncheckedIOException | IllegalArgumentException e) {
            out.flush();
            spec.commandLine().getErr().println(errorLine(e));
            return 1;
        }
        out.flush();
        return 0;
    }

    private String errorLine(RuntimeException e) {
        if (e instanceof JynqException j && j.place().isPresent()) {
            return e.getMessage();
        }
        String command = spec.qualifiedName(" ");
        return (command.startsWith("jynq ") ? command : "jynq " + command) + ": " + e.getMessage();
    }
}
