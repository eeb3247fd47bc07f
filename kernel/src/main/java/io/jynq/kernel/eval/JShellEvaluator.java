package io.jynq.kernel.eval;

import java.time.Duration;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.ExpressionSnippet;
import jdk.jshell.JShell;
import jdk.jshell.JShellException;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.UnresolvedReferenceException;
import jdk.jshell.VarSnippet;

/**
 * Runs Java cells in this JVM with JShell.
 *
 * <p>A cell is split into snippets with {@link SourceCodeAnalysis#analyzeCompletion}; they run in
 * order and the first failure ends the cell. The value of the cell is the value of its last
 * snippet if that is an expression ({@code 1+1}, {@code x}, {@code x = 3}); declarations and
 * statements have none ({@link #NO_VALUE}).
 *
 * <p>Stopping: {@link #stop(String)} sets a "stop requested" flag and calls {@link JShell#stop()}.
 * The flag is needed because JShell reports a stopped snippet as a normal, valid one; it also
 * ends the cell before its next snippet. The stop is repeated every 100 ms until the cell ends,
 * which covers a stop that lands while a snippet is still compiling. On JDK 20+ JShell can stop
 * only snippet code, so library loops (DMA, HLS waits) must check {@link Thread#interrupted()},
 * which {@code JShell.stop} sets on the snippet threads.
 *
 * <p>One cell runs at a time (calls are serialised); {@link #stop} may be called from any thread.
 */
public final class JShellEvaluator implements AutoCloseable {
    /** The value of a cell that ends in a declaration or statement. */
    public static final Object NO_VALUE = new Object() {
        @Override
        public String toString() {
            return "NO_VALUE";
        }
    };

    /** A JShell temporary's name ({@code $12}) used as an identifier. */
    private static final Pattern TEMP_NAME = Pattern.compile("(?<![\\w$])\\$\\d+\\b");

    private final JShell shell;
    private final CapturingExecutionControl control;
    private final Duration timeout;
    private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "jynq-eval-watchdog");
        t.setDaemon(true);
        return t;
    });
    private final Deque<String> queued = new ConcurrentLinkedDeque<>();
    private final Map<String, Integer> snippetLine = new HashMap<>();
    private volatile boolean stopRequested;
    private volatile String stopReason = "";
    private volatile boolean running;
    private volatile Thread evalThread;

    /**
     * @param timeout per-cell limit after which the cell is stopped as if interrupted, or null
     *                for none ({@code JYNQ_TIMEOUT}, see {@link Timeouts#parse})
     * @param compilerOptions extra javac options for snippets, e.g. {@code -Xlint:unchecked}
     */
    public JShellEvaluator(Duration timeout, List<String> compilerOptions) {
        this.timeout = timeout;
        this.control = new CapturingExecutionControl();
        this.shell = JShell.builder()
                .executionEngine(new CapturingControlProvider(control), Map.of())
                .compilerOptions(compilerOptions.toArray(String[]::new))
                .build();
    }

    /** The JShell instance, for code assistance (completion, documentation). */
    public JShell shell() {
        return shell;
    }

    /**
     * Runs a cell.
     *
     * @param cell Java source: statements, expressions, declarations, imports, one or more
     * @return the last snippet's value (may be null), or {@link #NO_VALUE}
     * @throws CompileException          if a snippet does not compile (earlier snippets have run)
     * @throws SnippetException          if a snippet throws
     * @throws CellInterruptedException  if {@link #stop} was called while the cell ran
     */
    public Object eval(String cell) {
        return eval(cell, timeout);
    }

    /**
     * Runs a cell with its own time limit (the session's startup code runs without one).
     *
     * @param limit the time after which the cell is stopped, or null for none
     * @see #eval(String)
     */
    public synchronized Object eval(String cell, Duration limit) {
        stopRequested = false;
        running = true;
        evalThread = Thread.currentThread();
        ScheduledFuture<?> timer = limit == null ? null
                : watchdog.schedule(() -> stop("cell exceeded JYNQ_TIMEOUT=" + Timeouts.format(limit)),
                        limit.toMillis(), TimeUnit.MILLISECONDS);
        try {
            return runCell(cell);
        } finally {
            running = false;
            evalThread = null;
            if (timer != null) {
                timer.cancel(false);
            }
            queued.clear();
        }
    }

    private Object runCell(String cell) {
        CellText text = new CellText(cell);
        snippetLine.clear();
        Object value = NO_VALUE;
        String remaining = cell;
        while (!remaining.isBlank()) {
            checkStop();
            SourceCodeAnalysis.CompletionInfo info = shell.sourceCodeAnalysis().analyzeCompletion(remaining);
            if (info.completeness() == SourceCodeAnalysis.Completeness.EMPTY) {
                break;
            }
            boolean complete = info.completeness().isComplete();
            String source = complete ? info.source() : remaining;
            // source() is a prefix of remaining (leading blanks and comments included, maybe
            // plus an added ';'), so diagnostic positions count from here
            int start = cell.length() - remaining.length();
            value = runSnippet(source, start, text);
            remaining = complete ? info.remaining() : "";
            while (!queued.isEmpty()) {
                checkStop();
                runSnippet(queued.pollFirst(), -1, text);
            }
        }
        return value;
    }

    /** Evaluates one snippet (or more, when JShell splits it) and returns its value. */
    private Object runSnippet(String source, int cellOffset, CellText text) {
        Object value = NO_VALUE;
        for (SnippetEvent event : shell.eval(source)) {
            if (event.causeSnippet() != null) {
                continue;
            }
            Snippet snippet = event.snippet();
            try {
                value = eventValue(event, snippet, cellOffset, text);
            } finally {
                dropIfTemporary(snippet);
            }
        }
        return value;
    }

    private Object eventValue(SnippetEvent event, Snippet snippet, int cellOffset, CellText text) {
        if (cellOffset >= 0) {
            // stack-trace line numbers count from the snippet's first non-blank character
            int first = cellOffset;
            while (first < text.text().length() && Character.isWhitespace(text.text().charAt(first))) {
                first++;
            }
            snippetLine.put(snippet.id(), text.line(first));
        }
        if (event.status() == Snippet.Status.REJECTED) {
            throw compileError(snippet, cellOffset, text);
        }
        checkStop();
        if (event.exception() != null) {
            throw runtimeError(event.exception(), event.snippet().source());
        }
        if (event.status() == Snippet.Status.RECOVERABLE_NOT_DEFINED) {
            throw unresolved(snippet);
        }
        return valueOf(snippet, event);
    }

    /**
     * Drops the {@code $N} variable JShell makes for an expression's value once the value has been
     * read. JShell puts one {@code import static} line per live variable in front of every later
     * snippet, and javac resolves each of them on every compile: with the temporaries kept, a
     * {@code 1+1} cell went from 18 ms after 100 cells to 25 ms after 600 (measured on this
     * machine); dropped, it settles at 9 to 12 ms. The value is still the cell's result; a user
     * who wants to keep it assigns it to a variable.
     */
    private void dropIfTemporary(Snippet snippet) {
        if (snippet.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND && shell.status(snippet).isActive()) {
            shell.drop(snippet);
        }
    }

    private Object valueOf(Snippet snippet, SnippetEvent event) {
        switch (snippet.subKind()) {
            case TEMP_VAR_EXPRESSION_SUBKIND:
                shell.varValue((VarSnippet) snippet);
                return control.captured();
            case VAR_VALUE_SUBKIND:
            case ASSIGNMENT_SUBKIND:
                String name = ((ExpressionSnippet) snippet).name();
                Optional<VarSnippet> var = shell.variables().filter(v -> v.name().equals(name)).findFirst();
                if (var.isPresent()) {
                    shell.varValue(var.get());
                    return control.captured();
                }
                return event.value();
            default:
                return NO_VALUE;
        }
    }

    /**
     * The current value of a session variable, read without running any code (a static field
     * read). For completion; call only when no cell is running.
     *
     * @return the value, or empty if there is no such variable or it has no value
     */
    public Optional<Object> variable(String name) {
        Optional<VarSnippet> var = shell.variables().filter(v -> v.name().equals(name)).reduce((a, b) -> b);
        if (var.isEmpty() || shell.status(var.get()) != Snippet.Status.VALID) {
            return Optional.empty();
        }
        shell.varValue(var.get());
        return Optional.ofNullable(control.captured());
    }

    private void checkStop() {
        if (stopRequested) {
            throw new CellInterruptedException(stopReason);
        }
    }

    /**
     * Stops the running cell, if any: sets the flag the cell checks between snippets and calls
     * {@link JShell#stop()}, again every 100 ms while the cell still runs. Safe from any thread;
     * does nothing when no cell is running.
     *
     * @param reason what the user sees as the error value, e.g. "interrupted by the user"
     */
    public void stop(String reason) {
        if (!running) {
            return;
        }
        stopReason = reason;
        stopRequested = true;
        shell.stop();
        watchdog.schedule(this::restop, 100, TimeUnit.MILLISECONDS);
    }

    private void restop() {
        if (running && stopRequested) {
            shell.stop();
            watchdog.schedule(this::restop, 100, TimeUnit.MILLISECONDS);
        }
    }

    /** True between the start and the end of {@link #eval} on the thread calling it. */
    public boolean isEvaluating() {
        return running;
    }

    /**
     * Queues source to run after the current snippet, for code that is itself running inside a
     * snippet (a magic defining a variable the next line uses). JShell cannot evaluate while a
     * snippet runs, so nested evaluation becomes "next".
     *
     * @return true if queued (a cell is running), false if there is no running cell
     */
    public boolean queueAfterCurrentSnippet(String source) {
        if (!running || Thread.currentThread() == evalThread) {
            return false;
        }
        queued.addLast(source);
        return true;
    }

    private CompileException compileError(Snippet snippet, int cellOffset, CellText text) {
        List<Diag> diags = shell.diagnostics(snippet).filter(Diag::isError).collect(Collectors.toList());
        if (diags.isEmpty()) {
            diags = shell.diagnostics(snippet).collect(Collectors.toList());
        }
        List<String> lines = new ArrayList<>();
        String first = null;
        for (Diag d : diags) {
            // JShell's wrapper class has no name: "location: class " says nothing to a reader
            String message = d.getMessage(Locale.ROOT).replaceAll("\n\\s*location: class\\s*(?=\n|$)", "");
            long pos = d.getPosition() == Diag.NOPOS ? d.getStartPosition() : d.getPosition();
            if (cellOffset >= 0 && pos != Diag.NOPOS) {
                int offset = cellOffset + (int) pos;
                int line = text.line(offset);
                int column = text.column(offset);
                lines.add("cell line " + line + ", column " + column + ": " + message);
                lines.add("    " + text.lineText(line));
                lines.add("    " + " ".repeat(Math.max(0, column - 1)) + "^");
                if (first == null) {
                    first = "line " + line + ", column " + column + ": " + firstLine(message);
                }
            } else {
                lines.add(message);
                if (first == null) {
                    first = firstLine(message);
                }
            }
        }
        if (first == null) {
            first = "snippet rejected: " + snippet.source().strip();
            lines.add(first);
        }
        diags.stream().map(d -> PynqNames.hint(d.getMessage(Locale.ROOT))).flatMap(java.util.Optional::stream)
                .distinct().forEach(lines::add);
        if (TEMP_NAME.matcher(snippet.source()).find() && lines.stream().anyMatch(l -> l.contains("cannot find symbol"))) {
            lines.add("hint: a cell's value is not kept as a $N variable (see dropIfTemporary); assign it, "
                    + "e.g. var x = ..., to use it in a later cell");
        }
        return new CompileException(first, lines);
    }

    private CompileException unresolved(Snippet snippet) {
        String missing = snippet instanceof jdk.jshell.DeclarationSnippet
                ? shell.unresolvedDependencies((jdk.jshell.DeclarationSnippet) snippet).collect(Collectors.joining(", "))
                : "";
        String message = "cannot define " + snippet.source().strip().lines().findFirst().orElse("")
                + (missing.isEmpty() ? "" : ": unresolved " + missing);
        return new CompileException(message, List.of(message));
    }

    private SnippetException runtimeError(JShellException e, String source) {
        if (e instanceof UnresolvedReferenceException) {
            UnresolvedReferenceException u = (UnresolvedReferenceException) e;
            String missing = shell.unresolvedDependencies(u.getSnippet()).collect(Collectors.joining(", "));
            String message = "attempted to use " + u.getSnippet().name() + ", which cannot run until " + missing
                    + " is declared";
            return new SnippetException("UnresolvedReference", message, List.of(message));
        }
        String name = e instanceof EvalException ? ((EvalException) e).getExceptionClassName() : e.getClass().getName();
        List<String> lines = new ArrayList<>();
        Throwable t = e;
        String prefix = "";
        while (t != null) {
            String cls = t instanceof EvalException ? ((EvalException) t).getExceptionClassName() : t.getClass().getName();
            lines.add(prefix + cls + (t.getMessage() == null ? "" : ": " + t.getMessage()));
            lines.addAll(StackTraces.snippetFrames(t.getStackTrace(), snippetLine));
            prefix = "Caused by: ";
            t = t.getCause() == t ? null : t.getCause();
        }
        PynqNames.runtimeHint(e, source).ifPresent(lines::add);
        return new SnippetException(name, e.getMessage() == null ? "" : e.getMessage(), lines);
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    @Override
    public void close() {
        watchdog.shutdownNow();
        shell.close();
    }
}
