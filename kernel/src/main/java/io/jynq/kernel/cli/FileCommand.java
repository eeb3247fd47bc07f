package io.jynq.kernel.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A subcommand that reads one input file and prints what it found: bad input (the exception
 * types the subclass names, which carry the file and place in their message) becomes that
 * message on stderr and exit status 1, never a stack trace. Anything else propagates to picocli.
 */
abstract class FileCommand implements Callable<Integer> {
    private final String errorPrefix;
    private final List<Class<? extends RuntimeException>> badInput;

    @Spec
    CommandSpec spec;

    /**
     * @param errorPrefix printed before the exception's message, e.g. {@code "jynq hwh: "}, or
     *     {@code ""} when the message already starts with {@code file:line:column}
     * @param badInput the exception types that mean the input is bad or unreadable
     */
    @SafeVarargs
    FileCommand(String errorPrefix, Class<? extends RuntimeException>... badInput) {
        this.errorPrefix = errorPrefix;
        this.badInput = List.of(badInput);
    }

    /** Reads the input and prints the result to {@code out}; throws one of the bad-input types. */
    abstract void run(PrintWriter out);

    @Override
    public final Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try {
            run(out);
        } catch (RuntimeException e) {
            if (badInput.stream().noneMatch(t -> t.isInstance(e))) {
                throw e;
            }
            spec.commandLine().getErr().println(errorPrefix + e.getMessage());
            return 1;
        }
        out.flush();
        return 0;
    }
}
