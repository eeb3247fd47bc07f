package io.jynq.kernel.eval;

import io.jynq.config.JynqConfig;
import io.jynq.config.Setting;
import java.time.Duration;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.lang.reflect.Method;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import jdk.jshell.Diag;
import jdk.jshell.ExpressionSnippet;
import jdk.jshell.ImportSnippet;
import jdk.jshell.JShell;
import jdk.jshell.PersistentSnippet;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.spi.SPIResolutionException;
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

    /**
     * How a magic call starts once jjava's parser has rewritten {@code %name args} to Java
     * ({@code MagicCalls.lineMagic(...)}, see JynqTranspiler); a snippet containing it runs before the rest
     * of its cell compiles, since a magic may define names the later lines use.
     */
    public static final String MAGIC_CALL_PREFIX = "io.jynq.kernel.magics.MagicCalls.";

    /** javac's location line for JShell's unnamed wrapper class. */
    private static final Pattern EMPTY_LOCATION = Pattern.compile("\\s*location: class\\s*(REPL\\.\\S*)?\\s*");

    /** A JShell temporary's name ({@code $12}) used as an identifier. */
    private static final Pattern TEMP_NAME = Pattern.compile("(?<![\\w$])\\$\\d+\\b");

    private final JShell shell;
    /** Set while {@link #shell} is built; see {@link #indexClassPath}. */
    private DeferredClassIndex classIndex;
    private final CapturingExecutionControl control;
    private final Duration timeout;
    private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "jynq-eval-watchdog");
        t.setDaemon(true);
        return t;
    });
    private final Deque<String> queued = new ConcurrentLinkedDeque<>();
    private final Map<String, Integer> snippetLine = new HashMap<>();
    /**
     * The next number for an expression's value variable ({@link ExpressionSnippets#wrap}), never
     * reused in a session: a name declared again is, to JShell, a replacement of every dropped
     * snippet of that name, which it redefines one by one (ExpressionCellCostTest).
     */
    private long valueSlots;
    /**
     * Whether expression pieces take {@link ExpressionSnippets}' wrapper ({@code jynq.eval.fastPath},
     * on unless {@code false}). It halves the CPU of a {@code 1+1} cell.
     */
    private final boolean expressionFastPath = !"false".equals(JynqConfig.current().string(Setting.EVAL_FAST_PATH, "true"));
    /**
     * Names of methods ({@link ExpressionSnippets#callKey}) whose last call the wrapper rejected as
     * void: their calls go to JShell's path first (JShell's four javac passes, where the wrapper's
     * failed try would add two). A guess of cost only: JShell's path is right for any expression.
     */
    private final Set<String> voidCalls = new HashSet<>(List.of("println", "print"));
    /** javac's words when the wrapper's variable is given a void call (JDK 17 to 25). */
    private static final String VOID_VALUE = "void cannot be converted";
    private static final int VOID_CALLS_KEPT = 1000;
    private volatile boolean stopRequested;
    private volatile String stopReason = "";
    private volatile boolean running;
    private volatile Thread evalThread;
    private BiConsumer<Class<?>, Class<?>> classReplaced = (old, replacement) -> { };
    private volatile DefaultImports defaults;
    private final List<String> addedPaths = new java.util.concurrent.CopyOnWriteArrayList<>();
    /** See {@link #documentationBesideSession}; created on first need. */
    private JShell docsShell;
    private final Set<String> docsPaths = new HashSet<>();
    private final Set<String> docsImports = new HashSet<>();
    /** The single-type imports {@link #importDefaultsFor} made, by simple name. */
    private final Map<String, ImportSnippet> defaultImported = new HashMap<>();
    /** Default classes whose import JShell refused: not tried again. */
    private final Set<String> defaultRefused = new HashSet<>();

    /**
     * @param timeout per-cell limit after which the cell is stopped as if interrupted, or null
     *                for none ({@code JYNQ_TIMEOUT}, see {@link Timeouts#parse})
     * @param compilerOptions extra javac options for snippets, e.g. {@code -Xlint:unchecked}
     */
    public JShellEvaluator(Duration timeout, List<String> compilerOptions) {
        this.timeout = timeout;
        this.control = new CapturingExecutionControl();
        this.shell = CompileClassPath.build(JShell.builder()
                .executionEngine(new CapturingControlProvider(control), Map.of())
                .fileManager(standard -> classIndex = new DeferredClassIndex(
                        new NoPluginSearch(new ClassPathIndexKeeper(standard))))
                .compilerOptions(compilerOptions.toArray(String[]::new)));
    }

    /**
     * Lets JShell index the class path for completion (package names, fix imports), which
     * {@link DeferredClassIndex} holds back until completion first asks; then waits up to
     * {@code wait} for the index, so the first completion already lists packages on a fast machine.
     */
    public void indexClassPath(Duration wait) {
        DeferredClassIndex index = classIndex;
        if (index == null || !index.want()) {
            return;
        }
        CompileClassPath.refreshIndex(shell);
        long deadline = System.nanoTime() + wait.toNanos();
        SourceCodeAnalysis sca = shell.sourceCodeAnalysis();
        while (System.nanoTime() < deadline && !sca.listQualifiedNames("Object", 6).isUpToDate()) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /**
     * Sets who hears that a class a cell declared was replaced: redefined by a cell, or recompiled
     * by JShell because something it names changed. The kernel re-registers a replaced overlay
     * driver so that the next overlay load binds the class later cells compile against.
     *
     * @param listener called with (old class, new class) on the evaluating thread, before any
     *                 snippet of the cell runs
     */
    public void onClassReplaced(BiConsumer<Class<?>, Class<?>> listener) {
        this.classReplaced = listener;
    }

    /**
     * Sets the default packages whose classes cells use without importing them; each is imported
     * by name when a cell first mentions it (see {@link DefaultImports} for why not on demand).
     */
    public synchronized void useDefaultImports(DefaultImports defaultImports) {
        this.defaults = defaultImports;
    }

    /**
     * Imports, one by one, the default classes {@code source} mentions that the session has not
     * imported, declared or imported otherwise; drops this session's default import of a name
     * {@code source} declares a type of. Called before a cell compiles, and before code
     * assistance looks at code.
     */
    public synchronized void importDefaultsFor(String source) {
        if (defaults == null) {
            return;
        }
        Set<String> declared = DefaultImports.declaredTypes(source);
        for (String name : declared) {
            ImportSnippet ours = defaultImported.remove(name);
            if (ours != null && shell.status(ours).isActive()) {
                shell.drop(ours); // an on-demand import would yield to the declaration
            }
        }
        for (String qualified : defaults.needed(source, declared)) {
            String name = qualified.substring(qualified.lastIndexOf('.') + 1);
            ImportSnippet ours = defaultImported.get(name);
            if (ours != null && shell.status(ours).isActive() || defaultRefused.contains(qualified)
                    || sessionNames(name)) {
                continue;
            }
            for (SnippetEvent e : declare("import " + qualified + ";")) {
                if (e.causeSnippet() == null && e.snippet() instanceof ImportSnippet i) {
                    if (e.status().isActive()) {
                        defaultImported.put(name, i);
                    } else {
                        defaultRefused.add(qualified);
                    }
                }
            }
        }
    }

    /** The default packages' class names starting with {@code prefix}, for completion; sorted. */
    public List<String> defaultNamesStartingWith(String prefix) {
        DefaultImports d = defaults;
        return d == null ? List.of() : d.namesStartingWith(prefix);
    }

    /** True if a type or an import of the session (not ours) has this simple name. */
    private boolean sessionNames(String name) {
        return shell.types().anyMatch(t -> t.name().equals(name) && shell.status(t).isActive())
                || shell.imports().anyMatch(i -> i.name().equals(name) && shell.status(i).isActive());
    }

    /**
     * Adds a jar or class folder for the compiler and class loader of later snippets
     * ({@code %maven}, {@code %classpath}). Safe while a snippet runs (a magic calls it).
     */
    public void addToClasspath(java.nio.file.Path path) {
        shell.addToClasspath(path.toString());
        addedPaths.add(path.toString());
    }

    /**
     * Documentation of {@code code} at {@code cursor} as a JShell without this session's
     * declarations gives it (with the session's imports), or empty if the session holds no
     * rejected type declaration. Why: once a cell's class declaration is rejected, JDK 25's JShell
     * answers no documentation at all, for {@code Math.max(} too, even after the snippet is dropped,
     * until a class of that name compiles (JDK 17's answers; checked on Temurin 25).
     */
    public synchronized List<SourceCodeAnalysis.Documentation> documentationBesideSession(String code, int cursor) {
        if (shell.snippets().noneMatch(sn -> sn.kind() == Snippet.Kind.TYPE_DECL
                && shell.status(sn) == Snippet.Status.REJECTED)) {
            return List.of();
        }
        if (docsShell == null) {
            docsShell = CompileClassPath.build(JShell.builder()
                    .executionEngine(new jdk.jshell.execution.LocalExecutionControlProvider(), Map.of()));
        }
        for (String path : addedPaths) {
            if (docsPaths.add(path)) {
                docsShell.addToClasspath(path);
            }
        }
        shell.imports().filter(i -> shell.status(i).isActive()).map(Snippet::source)
                .filter(docsImports::add).forEach(docsShell::eval); // imports only: nothing runs
        return docsShell.sourceCodeAnalysis().documentation(code, cursor, true);
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
        List<Piece> pieces = split(cell);
        Object value = NO_VALUE;
        int from = 0;
        while (from < pieces.size()) {
            // a magic may define names the lines after it use: it runs before they compile
            int to = from;
            while (to < pieces.size() - 1 && !pieces.get(to).source().contains(MAGIC_CALL_PREFIX)) {
                to++;
            }
            List<Compiled> compiled = compile(pieces.subList(from, to + 1), text);
            for (Compiled c : compiled) {
                value = run(c, text);
                while (!queued.isEmpty()) {
                    checkStop();
                    for (Compiled q : compile(List.of(new Piece(queued.pollFirst(), -1, false)), text)) {
                        run(q, text);
                    }
                }
            }
            from = to + 1;
        }
        boolean quiet = !pieces.isEmpty() && pieces.get(pieces.size() - 1).endsWithSemicolon()
                && !pieces.get(pieces.size() - 1).source().contains(MAGIC_CALL_PREFIX);
        return quiet ? NO_VALUE : value;
    }

    /**
     * One snippet of a cell: its source (leading blanks removed: JShell treated an import with a
     * leading newline as a change to every variable and reset them), where it starts in the cell
     * (-1 for code a magic queued), and whether the user ended it with {@code ;} (IPython's
     * "a trailing semicolon shows no result", so {@code display(x);} shows x once).
     */
    private record Piece(String source, int start, boolean endsWithSemicolon) {
    }

    /**
     * A compiled snippet: its events, the entry points JShell asked to run, and for an expression
     * compiled in {@link ExpressionSnippets}' wrapper the variable that will hold its value (else null).
     */
    private record Compiled(Piece piece, List<SnippetEvent> events, List<Method> entries, VarSnippet valueVar) {
    }

    private List<Piece> split(String cell) {
        List<Piece> pieces = new ArrayList<>();
        String remaining = cell;
        while (!remaining.isBlank()) {
            SourceCodeAnalysis.CompletionInfo info = shell.sourceCodeAnalysis().analyzeCompletion(remaining);
            if (info.completeness() == SourceCodeAnalysis.Completeness.EMPTY) {
                break;
            }
            boolean complete = info.completeness().isComplete();
            String source = complete ? info.source() : remaining;
            // source() is a prefix of remaining (maybe plus an added ';'), so positions count from here
            int start = cell.length() - remaining.length();
            int lead = 0;
            while (lead < source.length() && Character.isWhitespace(source.charAt(lead))) {
                lead++;
            }
            String rest = complete ? info.remaining() : "";
            String written = cell.substring(start, cell.length() - rest.length()).strip();
            pieces.add(new Piece(source.substring(lead), start + lead, written.endsWith(";")));
            remaining = rest;
        }
        return pieces;
    }

    /**
     * Compiles (declares) every piece without running any. If one does not compile, the pieces
     * declared before it are taken back (new declarations dropped, replaced ones restored with
     * their values) and the error is thrown: the cell is all or nothing at compile time.
     */
    private List<Compiled> compile(List<Piece> pieces, CellText text) {
        importDefaultsFor(pieces.stream().map(Piece::source).collect(Collectors.joining("\n")));
        List<Compiled> done = new ArrayList<>();
        Map<String, Class<?>> atStart = control.varHolders();
        control.setDeferring(true);
        try {
            for (Piece p : pieces) {
                checkStop();
                // every piece may take the wrapper: each wrapped piece declares its own numbered
                // variable (valueSlots), so none replaces another, in this cell or an earlier one
                Compiled c = compileAsExpression(p);
                if (c == null) {
                    c = new Compiled(p, declare(p.source()), control.takeDeferred(), null);
                }
                done.add(c);
                List<SnippetEvent> events = c.events();
                for (SnippetEvent e : events) {
                    if (e.causeSnippet() != null) {
                        continue;
                    }
                    if (p.start() >= 0) {
                        snippetLine.put(e.snippet().id(), text.line(p.start()));
                    }
                    if (e.status() == Snippet.Status.REJECTED) {
                        CompileException error = compileError(e.snippet(), p.start(), text);
                        rollBack(done, atStart);
                        throw error;
                    }
                    if (e.status() == Snippet.Status.RECOVERABLE_NOT_DEFINED) {
                        CompileException error = unresolved(e.snippet(), p.start(), text);
                        rollBack(done, atStart);
                        throw error;
                    }
                }
            }
        } finally {
            control.takeDeferred();
            control.setDeferring(false);
        }
        return done;
    }

    /**
     * Declares an expression piece in {@link ExpressionSnippets}' wrapper (two javac passes
     * instead of JShell's three or four), or returns null, leaving no trace, if the piece is not
     * an expression or does not compile so: then JShell takes it as written and says why.
     */
    private Compiled compileAsExpression(Piece p) {
        if (!expressionFastPath) {
            return null;
        }
        String call = ExpressionSnippets.callKey(p.source());
        String wrapped = p.source().contains(MAGIC_CALL_PREFIX) || call != null && voidCalls.contains(call)
                ? null : ExpressionSnippets.wrap(p.source(), valueSlots++);
        if (wrapped == null) {
            return null;
        }
        List<SnippetEvent> events = declare(wrapped);
        List<Method> entries = control.takeDeferred();
        for (SnippetEvent e : events) {
            if (e.causeSnippet() == null && e.status() == Snippet.Status.VALID && e.snippet() instanceof VarSnippet v) {
                return new Compiled(p, events, entries, v);
            }
        }
        for (SnippetEvent e : events) {
            if (e.causeSnippet() == null && shell.status(e.snippet()).isActive()) {
                shell.drop(e.snippet());
            } else if (e.causeSnippet() == null && call != null && shell.diagnostics(e.snippet())
                    .anyMatch(d -> d.getMessage(Locale.ROOT).contains(VOID_VALUE))) {
                rememberVoid(call);
            }
        }
        return null;
    }

    /** Notes a method name whose call was void, so its next calls skip the wrapper; bounded. */
    private void rememberVoid(String call) {
        if (voidCalls.size() >= VOID_CALLS_KEPT) {
            voidCalls.clear();
        }
        voidCalls.add(call);
    }

    /**
     * {@link JShell#eval} plus what JShell's in-process engine does not do itself: a variable
     * JShell recompiled because of another snippet (an import, a class it names) keeps its value
     * when its type is unchanged, and the cell is told which variables were reset; classes a cell
     * declared that were replaced are reported to the {@link #onClassReplaced} listener.
     */
    private List<SnippetEvent> declare(String source) {
        Map<String, Class<?>> holders = control.varHolders();
        Map<String, Class<?>> classes = control.declaredClasses();
        List<SnippetEvent> events = shell.eval(source);
        carryValues(events, holders, false);
        Map<String, Class<?>> now = control.declaredClasses();
        for (Map.Entry<String, Class<?>> e : classes.entrySet()) {
            Class<?> replacement = now.get(e.getKey());
            if (replacement != null && replacement != e.getValue()) {
                classReplaced.accept(e.getValue(), replacement);
            }
        }
        return events;
    }

    /** Copies values from the classes in {@code before} to the ones now holding the same variables. */
    private void carryValues(List<SnippetEvent> events, Map<String, Class<?>> before, boolean redeclared) {
        Map<String, Class<?>> now = null;
        for (SnippetEvent e : events) {
            if (!(e.snippet() instanceof VarSnippet) || !e.status().isActive()
                    || (e.causeSnippet() == null && !redeclared)) {
                continue;
            }
            String name = ((VarSnippet) e.snippet()).name();
            now = now == null ? control.varHolders() : now;
            Class<?> from = before.get(name);
            Class<?> to = now.get(name);
            if (from == null || to == null || from == to) {
                continue;
            }
            String why = ValueCarrier.carry(name, from, to);
            if (why != null) {
                System.err.println("note: variable " + name + " was reset to its default: " + why);
            }
        }
    }

    /** Takes back the declarations of a cell that did not compile, newest first. */
    private void rollBack(List<Compiled> done, Map<String, Class<?>> atStart) {
        for (int i = done.size() - 1; i >= 0; i--) {
            List<SnippetEvent> events = done.get(i).events();
            for (SnippetEvent e : events) {
                if (e.causeSnippet() != null || !(e.snippet() instanceof PersistentSnippet)
                        || !shell.status(e.snippet()).isActive()) {
                    continue;
                }
                Snippet old = events.stream()
                        .filter(o -> o.causeSnippet() == e.snippet() && o.status() == Snippet.Status.OVERWRITTEN)
                        .map(SnippetEvent::snippet).findFirst().orElse(null);
                shell.drop(e.snippet());
                if (old != null && e.previousStatus().isDefined()) {
                    carryValues(shell.eval(old.source()), atStart, true);
                }
            }
        }
        control.takeDeferred();
    }

    /** Runs a compiled piece's entry points and returns its value. */
    private Object run(Compiled c, CellText text) {
        Object value = NO_VALUE;
        for (Method entry : c.entries()) {
            checkStop();
            try {
                control.runDeferred(entry);
            } catch (Throwable t) {
                checkStop();
                SnippetException error = runtimeError(t, text.text());
                dropTemporaries(c);
                throw error;
            }
        }
        checkStop();
        if (c.valueVar() != null) {
            shell.varValue(c.valueVar());
            value = control.takeCaptured();
        } else {
            for (SnippetEvent e : c.events()) {
                if (e.causeSnippet() == null && e.status().isActive()) {
                    value = valueOf(e.snippet(), e);
                }
            }
        }
        dropTemporaries(c);
        return value;
    }

    private void dropTemporaries(Compiled c) {
        for (SnippetEvent e : c.events()) {
            if (e.causeSnippet() == null) {
                dropIfTemporary(e.snippet());
            }
        }
        VarSnippet v = c.valueVar();
        if (v != null && shell.status(v).isActive()) {
            shell.drop(v);
            control.forget(v.name());
        }
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
            control.forget(((VarSnippet) snippet).name());  // else the dropped snippet's class still holds the value
        }
    }

    private Object valueOf(Snippet snippet, SnippetEvent event) {
        switch (snippet.subKind()) {
            case TEMP_VAR_EXPRESSION_SUBKIND:
                shell.varValue((VarSnippet) snippet);
                return control.takeCaptured();
            case VAR_VALUE_SUBKIND:
            case ASSIGNMENT_SUBKIND:
                String name = ((ExpressionSnippet) snippet).name();
                Optional<VarSnippet> var = shell.variables().filter(v -> v.name().equals(name)).findFirst();
                if (var.isPresent()) {
                    shell.varValue(var.get());
                    return control.takeCaptured();
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
        return Optional.ofNullable(control.takeCaptured());
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
            String message = javacMessage(d);
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

    /**
     * A declaration JShell could not define: javac's own errors (a class whose method does not
     * compile) with line and column, else the names it waits for.
     */
    private CompileException unresolved(Snippet snippet, int cellOffset, CellText text) {
        if (shell.diagnostics(snippet).anyMatch(Diag::isError)) {
            return compileError(snippet, cellOffset, text);
        }
        String missing = snippet instanceof jdk.jshell.DeclarationSnippet
                ? shell.unresolvedDependencies((jdk.jshell.DeclarationSnippet) snippet).collect(Collectors.joining(", "))
                : "";
        String what = snippet instanceof PersistentSnippet ? ((PersistentSnippet) snippet).name()
                : snippet.source().strip().lines().filter(l -> !l.strip().startsWith("//")).findFirst().orElse("");
        String message = "cannot define " + what + (missing.isEmpty() ? "" : ": unresolved " + missing);
        return new CompileException(message, List.of(message));
    }

    private SnippetException runtimeError(Throwable e, String source) {
        if (e instanceof SPIResolutionException) {
            String message = "attempted to use a declaration that cannot run until what it names is declared";
            Snippet s = snippetOf(e.getStackTrace());
            if (s instanceof jdk.jshell.DeclarationSnippet) {
                jdk.jshell.DeclarationSnippet d = (jdk.jshell.DeclarationSnippet) s;
                message = "attempted to use " + d.name() + ", which cannot run until "
                        + shell.unresolvedDependencies(d).collect(Collectors.joining(", ")) + " is declared";
            }
            return new SnippetException("UnresolvedReference", message, List.of(message));
        }
        Map<String, Snippet> byClass = wrappers();
        List<String> lines = new ArrayList<>();
        Throwable t = e;
        String prefix = "";
        while (t != null) {
            lines.add(prefix + t.getClass().getName() + (t.getMessage() == null ? "" : ": " + t.getMessage()));
            lines.addAll(StackTraces.snippetFrames(t.getStackTrace(), f -> framePosition(f, byClass)));
            prefix = "Caused by: ";
            t = t.getCause() == t ? null : t.getCause();
        }
        PynqNames.runtimeHint(e, source).ifPresent(lines::add);
        return new SnippetException(e.getClass().getName(), e.getMessage() == null ? "" : e.getMessage(), lines);
    }

    /**
     * The 1-based line of a snippet's own source that line {@code wrappedLine} of its wrapper
     * class is (a var's initializer sits far from its declaration there), or 0 if none.
     */
    private static int sourceLine(SourceCodeAnalysis.SnippetWrapper w, int wrappedLine) {
        String wrapped = w.wrapped();
        int pos = 0;
        for (int l = 1; l < wrappedLine && pos >= 0; l++) {
            pos = wrapped.indexOf('\n', pos);
            pos = pos < 0 ? -1 : pos + 1;
        }
        if (wrappedLine < 1 || pos < 0) {
            return 0;
        }
        int end = wrapped.indexOf('\n', pos);
        end = end < 0 ? wrapped.length() : end;
        for (int i = pos; i < end; i++) {
            int src = Character.isWhitespace(wrapped.charAt(i)) ? -1 : w.wrappedToSourcePosition(i);
            if (src >= 0) {
                String source = w.source();
                return 1 + (int) source.substring(0, Math.min(src, source.length())).chars().filter(c -> c == '\n').count();
            }
        }
        return 0;
    }

    /** The snippet whose class a frame of {@code trace} is in (the first such frame), or null. */
    private Snippet snippetOf(StackTraceElement[] trace) {
        Map<String, Snippet> byClass = wrappers();
        for (StackTraceElement f : trace) {
            Snippet s = byClass.get(StackTraces.wrapperClass(f.getClassName()));
            if (s != null) {
                return s;
            }
        }
        return null;
    }

    /** Current snippets by the class JShell wrapped them in (REPL.$JShell$12B). */
    private Map<String, Snippet> wrappers() {
        Map<String, Snippet> byClass = new HashMap<>();
        shell.snippets().filter(s -> shell.status(s).isActive()).forEach(s -> {
            try {
                byClass.put(shell.sourceCodeAnalysis().wrapper(s).fullClassName(), s);
            } catch (RuntimeException e) {
                // no wrapper for this snippet: its frames stay as they are
            }
        });
        return byClass;
    }

    /**
     * Where a frame of snippet code is: "cell line N" for a snippet of the running cell, else
     * "snippet #ID:LINE"; null if the frame is not in a current snippet's class.
     */
    private String framePosition(StackTraceElement f, Map<String, Snippet> byClass) {
        Snippet s = byClass.get(StackTraces.wrapperClass(f.getClassName()));
        if (s == null) {
            return null;
        }
        int line = sourceLine(shell.sourceCodeAnalysis().wrapper(s), f.getLineNumber());
        Integer base = snippetLine.get(s.id());
        if (line < 1) {
            return "snippet #" + s.id();
        }
        return base != null ? "cell line " + (base + line - 1) : "snippet #" + s.id() + ":" + line;
    }

    /**
     * javac's message without the lines that name JShell's hidden wrapper class: "location: class "
     * with an empty name tells the user nothing.
     */
    static String javacMessage(Diag d) {
        return d.getMessage(Locale.ROOT).lines()
                .filter(l -> !EMPTY_LOCATION.matcher(l).matches())
                .collect(Collectors.joining("\n"));
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    @Override
    public void close() {
        watchdog.shutdownNow();
        shell.close();
        synchronized (this) {
            if (docsShell != null) {
                docsShell.close();
            }
        }
    }

    /** Classes JShell has tried to redefine in place this session (see {@link CapturingExecutionControl#redefinesTried}). */
    long redefinesTried() {
        return control.redefinesTried();
    }
}
