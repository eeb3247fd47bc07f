package io.jynq.magics;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;

/**
 * A {@link MagicContext} over a real JShell in this JVM (local execution, as the kernel runs it),
 * so tests see what a notebook would: submitted snippets compile and define variables, and
 * completion works on them. Records what the magic submitted and displayed.
 */
final class JShellContext implements MagicContext, AutoCloseable {
    final JShell shell = JShell.builder().executionEngine("local").build();
    final List<String> submitted = new ArrayList<>();
    final List<Object> displayed = new ArrayList<>();
    final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(outBytes, true, StandardCharsets.UTF_8);

    private final java.util.ArrayDeque<String> queued = new java.util.ArrayDeque<>();
    private int depth;

    /**
     * Runs {@code snippet} now when the test called the magic outside of any snippet; from inside a
     * running snippet (a magic's own snippet calling back, as {@code %overlay facade} does), right
     * after that snippet, as the kernel does.
     */
    @Override
    public void evalJava(String snippet) {
        submitted.add(snippet);
        if (depth > 0) {
            queued.add(snippet);
        } else {
            eval(snippet);
        }
    }

    /**
     * Evaluates one snippet.
     *
     * @return its value as JShell prints it
     * @throws AssertionError with the diagnostics or exception if it does not compile or throws
     */
    String eval(String snippet) {
        String value;
        depth++;
        try {
            value = evalOne(snippet);
        } finally {
            depth--;
        }
        while (depth == 0 && !queued.isEmpty()) {
            eval(queued.poll());
        }
        return value;
    }

    private String evalOne(String snippet) {
        String value = null;
        for (SnippetEvent e : shell.eval(snippet)) {
            if (e.status() == Snippet.Status.REJECTED) {
                String diags = shell.diagnostics(e.snippet()).map(d -> d.getMessage(null)).collect(Collectors.joining("\n"));
                throw new AssertionError("snippet rejected: " + diags + "\n" + snippet);
            }
            if (e.exception() != null) {
                throw new AssertionError("snippet threw " + e.exception() + "\n" + snippet, e.exception());
            }
            if (e.causeSnippet() == null) {
                value = e.value();
            }
        }
        return value;
    }

    /** The completions JShell offers at the end of {@code code}, as Tab would. */
    List<String> complete(String code) {
        int[] anchor = new int[1];
        return shell.sourceCodeAnalysis().completionSuggestions(code, code.length(), anchor).stream()
                .map(SourceCodeAnalysis.Suggestion::continuation).collect(Collectors.toList());
    }

    @Override
    public String display(Object o) {
        displayed.add(o);
        return "d" + displayed.size();
    }

    @Override
    public void updateDisplay(String displayId, Object o) {
        displayed.add(o);
    }

    @Override
    public PrintStream out() {
        return out;
    }

    @Override
    public PrintStream err() {
        return out;
    }

    String printed() {
        return outBytes.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        shell.close();
    }
}
