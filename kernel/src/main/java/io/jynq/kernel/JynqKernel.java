package io.jynq.kernel;

import io.jynq.kernel.display.CellContext;
import io.jynq.kernel.display.IoPublisher;
import io.jynq.kernel.display.RoutedOutputStream;
import io.jynq.kernel.display.StreamPump;
import io.jynq.kernel.eval.CellException;
import io.jynq.kernel.eval.CodeAssist;
import io.jynq.kernel.eval.DefaultImports;
import io.jynq.kernel.eval.JShellEvaluator;
import io.jynq.kernel.history.HistoryReplyOk;
import io.jynq.kernel.history.SessionHistory;
import io.jynq.kernel.magics.KernelMagics;
import io.jynq.kernel.magics.SessionClasspath;
import io.jynq.kernel.wire.KernelConnection;
import io.jynq.kernel.wire.Sizes;
import io.jynq.kernel.wire.StatusReplies;
import io.jynq.magics.NotebookGate;
import io.jynq.render.DisplaySink;
import io.jynq.render.Displays;
import io.jynq.render.MimeBundle;
import io.jynq.render.Renderers;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.HelpLink;
import org.dflib.jjava.jupyter.kernel.LanguageInfo;
import org.dflib.jjava.jupyter.kernel.ReplacementOptions;
import org.dflib.jjava.jupyter.kernel.comm.Comm;
import org.dflib.jjava.jupyter.kernel.comm.CommManager;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.history.HistoryEntry;
import org.dflib.jjava.jupyter.kernel.history.HistoryManager;
import org.dflib.jjava.jupyter.kernel.magic.MagicParser;
import org.dflib.jjava.jupyter.kernel.magic.MagicsRegistry;
import org.dflib.jjava.jupyter.kernel.util.StringStyler;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.MessageType;
import org.dflib.jjava.jupyter.messages.publish.PublishError;
import org.dflib.jjava.jupyter.messages.publish.PublishExecuteInput;
import org.dflib.jjava.jupyter.messages.publish.PublishExecuteResult;
import org.dflib.jjava.jupyter.messages.publish.PublishStream;
import org.dflib.jjava.jupyter.messages.reply.ErrorReply;
import org.dflib.jjava.jupyter.messages.reply.ExecuteReply;
import org.dflib.jjava.jupyter.messages.request.ExecuteRequest;
import org.dflib.jjava.jupyter.messages.reply.CommInfoReply;
import org.dflib.jjava.jupyter.messages.request.CommInfoRequest;
import org.dflib.jjava.jupyter.messages.request.HistoryRequest;
import org.dflib.jjava.jupyter.messages.request.KernelInfoRequest;
import org.dflib.jjava.jupyter.messages.request.ShutdownRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JYNQ Jupyter kernel: jjava-jupyter's {@link BaseKernel} (message model, magics registry,
 * renderer, comms) over JYNQ's own wire layer and JShell evaluator.
 *
 * <p>Startup is in two steps so the frontend is answered at once: {@link #serve} registers the
 * handlers, the connection binds (kernel_info is answered from then on), then
 * {@link #startSession()} sets up the JShell session, startup imports, {@code JYNQ_STARTUP} and
 * extensions on a background thread; requests that need JShell wait for it.
 */
public final class JynqKernel extends BaseKernel implements SessionClasspath, DisplaySink {
    private static final Logger LOG = LoggerFactory.getLogger(JynqKernel.class);
    private static final Duration STARTUP_WAIT = Duration.ofMinutes(2);

    /** What an OutOfMemoryError in a cell adds to its message. */
    private static final java.util.function.Supplier<String> HEAP_HINT = () -> " (the kernel's heap is "
            + Sizes.human(Runtime.getRuntime().maxMemory()) + "; give it more with ./jynq install-kernel --jvm-option -Xmx1g)";

    private final Duration timeout;
    private final List<String> compilerOptions;
    private final CountDownLatch ready = new CountDownLatch(1);
    private final List<String> startupProblems = Collections.synchronizedList(new ArrayList<>());
    private volatile JShellEvaluator evaluator;
    private volatile CodeAssist assist;
    private volatile RuntimeException startupFailure;
    private volatile Thread startupThread;
    private volatile String banner;
    private IoPublisher publisher;
    private long streamRate = StreamPump.DEFAULT_RATE;
    private KernelConnection connection;

    /**
     * A kernel whose history is {@link SessionHistory#fromEnvironment()}.
     *
     * @param timeout         per-cell limit ({@code JYNQ_TIMEOUT}) or null for none
     * @param compilerOptions extra javac options for snippets
     */
    public JynqKernel(Duration timeout, List<String> compilerOptions) {
        this(timeout, compilerOptions, SessionHistory.fromEnvironment());
    }

    /**
     * As {@link #JynqKernel(Duration, List)} with its own history (the CDS training run and
     * tests use {@link SessionHistory#inMemory()}, so they leave no session in the user's file).
     */
    public JynqKernel(Duration timeout, List<String> compilerOptions, SessionHistory history) {
        super("jynq", KernelInfo.version(), languageInfo(), List.of(
                        // JYNQ has no published site yet: its API mirrors PYNQ's, whose documentation is real
                        new HelpLink("PYNQ documentation", "https://pynq.readthedocs.io/"),
                        new HelpLink("Java API", "https://docs.oracle.com/en/java/javase/17/docs/api/")),
                history, new JynqIO(), new CommManager(), new Renderer(),
                new MagicParser("(?<=(?:^|=))\\s*%", "%%", new JynqTranspiler()), new MagicsRegistry(), true,
                new StringStyler.Builder().build());
        this.timeout = timeout;
        this.compilerOptions = List.copyOf(compilerOptions);
    }

    private static LanguageInfo languageInfo() {
        return new LanguageInfo.Builder("java").version(Runtime.version().toString()).mimetype("text/x-java-source")
                .fileExtension(".jshell").pygments("java").codemirror("text/x-java").build();
    }

    /**
     * Registers the request handlers on {@code connection}, routes {@code System.out/err/in}
     * through the notebook, and starts setting up JShell in the background. Call before
     * {@link KernelConnection#connect()}.
     */
    public void serve(KernelConnection connection) {
        this.connection = connection;
        publisher = new IoPublisher(connection.iopub(), streamRate);
        commManager.setIOPubChannel(connection.iopub());
        System.setOut(new PrintStream(new RoutedOutputStream(publisher, PublishStream.StreamType.OUT, System.out), true,
                StandardCharsets.UTF_8));
        System.setErr(new PrintStream(new RoutedOutputStream(publisher, PublishStream.StreamType.ERR, System.err), true,
                StandardCharsets.UTF_8));
        System.setIn(io.in);
        connection.setHandler(MessageType.EXECUTE_REQUEST, this::handleExecuteRequest);
        connection.setHandler(MessageType.INSPECT_REQUEST, this::handleInspectRequest);
        connection.setHandler(MessageType.COMPLETE_REQUEST, this::handleCompleteRequest);
        connection.setHandler(MessageType.IS_COMPLETE_REQUEST, this::handleIsCodeCompeteRequest);
        connection.setHandler(MessageType.KERNEL_INFO_REQUEST, this::handleKernelInfoRequest);
        connection.setHandler(MessageType.HISTORY_REQUEST, this::handleHistoryRequest);
        connection.setHandler(MessageType.SHUTDOWN_REQUEST, this::handleShutdownRequest);
        connection.setHandler(MessageType.INTERRUPT_REQUEST, this::handleInterruptRequest);
        connection.setHandler(MessageType.COMM_OPEN_COMMAND, commManager::handleCommOpenCommand);
        connection.setHandler(MessageType.COMM_MSG_COMMAND, commManager::handleCommMsgCommand);
        connection.setHandler(MessageType.COMM_CLOSE_COMMAND, commManager::handleCommCloseCommand);
        connection.setHandler(MessageType.COMM_INFO_REQUEST, this::handleCommInfoRequest);
    }

    /**
     * Sets the stdout+stderr rate limit, bytes per second averaged over 3 s (0: none). Call
     * before {@link #serve}.
     */
    public void setStreamRateLimit(long bytesPerSecond) {
        this.streamRate = bytesPerSecond;
    }

    /**
     * Starts the JShell session on a background thread: renderers, magics, the JShell engine,
     * startup imports, {@code JYNQ_STARTUP}, extensions. Call after
     * {@link KernelConnection#connect()} so that this work does not delay the first reply;
     * requests that need JShell wait for it.
     */
    public void startSession() {
        Thread init = new Thread(this::initSession, "jynq-startup");
        init.setDaemon(true);
        startupThread = init;
        init.start();
    }

    private void initSession() {
        try {
            Displays.install(this);
            KernelMagics.register(magicsRegistry);
            JShellEvaluator ev = newEvaluator();
            ev.onClassReplaced(DriverRedefinitions::replaced);
            evaluator = ev;
            assist = new CodeAssist(ev);
            runStartupScript(ev);
            onStartup();
        } catch (Throwable e) { // NOPMD: whatever fails here, the kernel keeps serving and says why

            startupFailure = new IllegalStateException("JYNQ kernel startup failed: " + e
                    + " (the kernel answers but cannot run cells; see the Jupyter server's log)", e);
            LOG.error("startup failed", e);
        } finally {
            ready.countDown();
        }
        if (connection != null) {
            // after ready: loading libc (JNA) takes ~0.1-1 s of CPU, which no cell should wait for
            connection.scheduleIoThreadsAsBatch();
        }
    }

    /**
     * A JShell evaluator that compiles cells as the session's does (the same javac options,
     * default and startup imports) but shares nothing with it: its snippets, variables and
     * classes are its own, and a class it redefines is not reported to the overlay drivers'
     * registry. The session's own is made here too; the JIT warm-up makes others.
     */
    public JShellEvaluator newEvaluator() {
        JShellEvaluator ev = new JShellEvaluator(timeout, compilerOptions);
        ev.useDefaultImports(new DefaultImports(getClassLoader(), Startup.defaultPackages(getClassLoader())));
        for (String imp : Startup.eagerImports(getClassLoader()).split("\n")) {
            try {
                ev.eval(imp, null);
            } catch (CellException e) {
                LOG.info("startup import skipped: {}: {}", imp, e.evalue());
            }
        }
        return ev;
    }

    /**
     * Runs {@code JYNQ_STARTUP}. A script that cannot be read, does not compile or throws does not
     * stop the kernel: the problem is shown in the first cell's output (stderr) and the session
     * starts without the rest of the script.
     */
    private void runStartupScript(JShellEvaluator ev) {
        String script;
        try {
            script = Startup.userScript();
        } catch (RuntimeException e) {
            reportAtFirstCell(e.getMessage());
            return;
        }
        if (script == null) {
            return;
        }
        try {
            ev.eval(script, null); // startup is not a cell: JYNQ_TIMEOUT does not apply
        } catch (CellException e) {
            reportAtFirstCell("JYNQ_STARTUP failed: " + e.ename() + ": " + e.evalue());
        } catch (RuntimeException | LinkageError e) {
            reportAtFirstCell("JYNQ_STARTUP failed: " + e);
        }
    }

    /**
     * A startup or configuration problem the user must see: printed to stderr at the start of the
     * next cell (the first one, for problems found at startup), and logged. The kernel serves on.
     */
    public void reportAtFirstCell(String problem) {
        LOG.warn("{}", problem);
        startupProblems.add("[JYNQ] " + problem + (problem.endsWith("\n") ? "" : "\n"));
    }

    private JShellEvaluator awaitEvaluator() {
        if (Thread.currentThread() == startupThread && evaluator != null) {
            return evaluator; // an extension's install() running code during startup
        }
        try {
            if (!ready.await(STARTUP_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("JShell did not start within " + STARTUP_WAIT.toSeconds() + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for JShell to start", e);
        }
        if (startupFailure != null) {
            throw startupFailure;
        }
        return evaluator;
    }

    /**
     * Blocks until the JShell session is ready (or failed), for callers outside a request such as
     * the class-data-sharing training run.
     *
     * @throws IllegalStateException if the session failed to start or did not within 2 minutes
     */
    public void awaitSession() {
        awaitEvaluator();
    }

    @Override
    public void addToClasspath(java.nio.file.Path path) {
        awaitEvaluator().addToClasspath(path);
    }

    @Override
    public String getBanner() {
        String b = banner;
        if (b == null) {
            b = KernelInfo.banner();
            banner = b;
        }
        return b;
    }

    /**
     * Publishes {@code display_data} with {@code o} as {@link Renderers} render it (the kernel
     * transports the bundle; it has no renderers of its own). Any thread, any time.
     *
     * @return the display id for {@link #update}
     */
    @Override
    public String display(Object o) {
        DisplayData data = displayData(Renderers.render(o));
        String id = UUID.randomUUID().toString();
        data.setDisplayId(id);
        publisher.display(data);
        return id;
    }

    /** Publishes {@code update_display_data}: the notebook replaces the output shown under {@code displayId}. */
    @Override
    public void update(String displayId, Object o) {
        publisher.updateDisplay(displayId, displayData(Renderers.render(o)));
    }

    /** Publishes {@code clear_output} for the cell the calling thread belongs to. */
    @Override
    public void clearOutput(boolean wait) {
        publisher.clearOutput(wait);
    }

    /** jjava's message content for a bundle. */
    static DisplayData displayData(MimeBundle bundle) {
        DisplayData data = new DisplayData();
        bundle.data().forEach((type, content) -> data.putData(type, content));
        return data;
    }

    /**
     * Runs Java (with magics) in the session. Called from a snippet (a magic that defines code for
     * the next line), the source is queued to run right after the current snippet and null is
     * returned: JShell cannot compile while a snippet runs.
     *
     * @return the value of the last expression, {@link JShellEvaluator#NO_VALUE} if none
     * @throws CellException if the code does not compile, throws, or is interrupted
     */
    @Override
    public Object evalRaw(String source) {
        JShellEvaluator ev = awaitEvaluator();
        if (ev.queueAfterCurrentSnippet(source)) {
            return null;
        }
        return KernelMagics.evalWithTiming(source, code -> {
            String java = magicParser.resolveMagics(code);
            Object v = ev.eval(java);
            return v == null && lastLine(java).startsWith(JynqTranspiler.CALL_PREFIX) ? JShellEvaluator.NO_VALUE : v;
        });
    }

    private static String lastLine(String java) {
        String t = java.strip();
        return t.substring(t.lastIndexOf('\n') + 1).strip();
    }

    @Override
    protected synchronized void handleExecuteRequest(ShellReplyEnvironment env, Message<ExecuteRequest> message) {
        ExecuteRequest request = message.getContent();
        int count = executionCount.getAndIncrement();
        commManager.setMessageContext(message);
        env.setBusyDeferIdle();
        CellContext cell = new CellContext(message, count);
        publisher.cellStarted(cell); // background output from now on shows under this cell
        env.publish(new PublishExecuteInput(request.getCode(), count));
        Displays.cellStarted();
        cell.enter();
        ((JynqIO) io).attach(env, request.isStdinEnabled());
        try {
            reportStartupProblems();
            String skip = NotebookGate.closedBecause();
            if (skip != null && !request.getCode().stripLeading().startsWith("%%require_overlay")) {
                System.out.println("skipped: " + skip + " (see the %%require_overlay cell above)");
                publisher.flush();
                remember(request, count, null);
                env.defer().reply(new ExecuteReply(count, Collections.emptyMap()));
                return;
            }
            Optional<String> help = awaitAssist().help(request.getCode());
            if (help.isPresent()) {
                remember(request, count, null);
                env.defer().reply(new PagerReply(count, help.get()));
                return;
            }
            Object value = evalRaw(request.getCode());
            // the last frame of a throttled live plot or progress bar goes out with its cell
            Displays.flushPending();
            publisher.flush();
            String output = null;
            if (value != JShellEvaluator.NO_VALUE && !request.isSilent()) {
                MimeBundle bundle = Renderers.render(value);
                DisplayData data = value instanceof DisplayData dd ? dd : displayData(bundle);
                env.publish(new PublishExecuteResult(count, data));
                output = bundle.text();
            }
            remember(request, count, output);
            env.defer().reply(new ExecuteReply(count, Collections.emptyMap()));
        } catch (CellException e) {
            remember(request, count, null);
            String evalue = e.ename().equals(OutOfMemoryError.class.getName()) ? e.evalue() + HEAP_HINT.get() : e.evalue();
            replyError(env, cell, count, e.ename(), evalue, e.traceback());
            abortQueuedIfAsked(request);
        } catch (OutOfMemoryError e) {
            // the cell's garbage is collectable now; the reply needs little
            String why = e.getMessage() + HEAP_HINT.get();
            replyError(env, cell, count, OutOfMemoryError.class.getName(), why, List.of("java.lang.OutOfMemoryError: " + why));
            abortQueuedIfAsked(request);
        } catch (Throwable e) { // NOPMD: no error may end the shell thread; each becomes the cell's error
            StringWriter trace = new StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            replyError(env, cell, count, e.getClass().getName(), String.valueOf(e.getMessage()),
                    List.of(trace.toString().split("\n")));
            abortQueuedIfAsked(request);
        } finally {
            CellContext.exit();
        }
    }

    /**
     * stop_on_error (the default of Run All, nbclient and jupyter_client): queued cells do not run.
     * Called while the error reply is still deferred, so a cell sent in answer to it is not aborted.
     */
    private void abortQueuedIfAsked(ExecuteRequest request) {
        if (request.shouldStopOnError() && !request.isSilent() && connection != null) {
            connection.abortQueuedExecutes();
        }
    }

    /** kernel_info_reply with {@code status} (jjava's has none). */
    @Override
    protected void handleKernelInfoRequest(ShellReplyEnvironment env, Message<KernelInfoRequest> message) {
        env.setBusyDeferIdle();
        env.reply(new StatusReplies.KernelInfo("5.3", name, version, getLanguageInfo(), getBanner(), getHelpLinks()));
    }

    /** comm_info_reply with {@code status}: the open comms, of one target if the request names it. */
    private void handleCommInfoRequest(ShellReplyEnvironment env, Message<CommInfoRequest> message) {
        env.setBusyDeferIdle();
        String target = message.getContent().getTargetName();
        Map<String, CommInfoReply.CommInfo> comms = new LinkedHashMap<>();
        for (Comm c : commManager) {
            if (target == null || target.equals(c.getTargetName())) {
                comms.put(c.getID(), new CommInfoReply.CommInfo(c.getTargetName()));
            }
        }
        env.reply(new StatusReplies.CommInfo(comms));
    }

    /** shutdown_reply with {@code status}; then the connection closes. */
    @Override
    protected void handleShutdownRequest(ShellReplyEnvironment env, Message<ShutdownRequest> message) {
        boolean restart = message.getContent().isRestart();
        env.setBusyDeferIdle();
        env.defer().reply(new StatusReplies.Shutdown(restart));
        onShutdown(restart);
        env.resolveDeferrals();
        env.markForShutdown();
    }

    /** Adds the cell to the session's history unless the client asked not to (store_history false). */
    private void remember(ExecuteRequest request, int count, String output) {
        if (request.shouldStoreHistory() && !request.isSilent()) {
            ((SessionHistory) historyManager).add(count, request.getCode(), output);
        }
    }

    /**
     * history_request: tail, range and search over this session's cells (see {@link SessionHistory});
     * unlike jjava's handler it honours search's {@code unique} and always replies.
     */
    @Override
    protected void handleHistoryRequest(ShellReplyEnvironment env, Message<HistoryRequest> message) {
        HistoryRequest request = message.getContent();
        SessionHistory history = (SessionHistory) historyManager;
        Set<HistoryManager.ResultFlag> flags = EnumSet.noneOf(HistoryManager.ResultFlag.class);
        if (request.includeOutput()) {
            flags.add(HistoryManager.ResultFlag.INCLUDE_OUTPUT);
        }
        List<HistoryEntry> entries;
        if (request instanceof HistoryRequest.Tail) {
            entries = history.lookupTail(((HistoryRequest.Tail) request).getMaxReturnLength(), flags);
        } else if (request instanceof HistoryRequest.Range) {
            HistoryRequest.Range r = (HistoryRequest.Range) request;
            entries = history.lookupRange(r.getSessionIndex(), r.getStart(), r.getStop(), flags);
        } else {
            HistoryRequest.Search q = (HistoryRequest.Search) request;
            entries = history.search(q.getPattern(), q.getMaxReturnLength(), q.filterUnique(), flags);
        }
        env.setBusyDeferIdle();
        env.defer().reply(new HistoryReplyOk(entries));
    }

    /** Prints the startup and configuration problems into this (the first) cell, once the session is up. */
    private void reportStartupProblems() {
        try {
            ready.await(STARTUP_WAIT.toMillis(), TimeUnit.MILLISECONDS); // the script's problems are known then
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (startupProblems) {
            startupProblems.forEach(System.err::print);
            startupProblems.clear();
        }
    }

    private void replyError(ShellReplyEnvironment env, CellContext cell, int count, String ename, String evalue,
                            List<String> traceback) {
        Displays.flushPending();
        publisher.flush();
        env.publish(new PublishError(ename, evalue, traceback));
        ErrorReply error = new ErrorReply(ename, evalue, traceback);
        error.setExecutionCount(count);
        env.defer().replyError(ExecuteReply.MESSAGE_TYPE.error(), error);
    }

    private CodeAssist awaitAssist() {
        awaitEvaluator();
        return assist;
    }

    @Override
    public DisplayData inspect(String code, int at, boolean extraDetail) {
        String doc = awaitAssist().describe(code, at);
        return doc.isEmpty() ? null : new DisplayData(doc);
    }

    @Override
    public ReplacementOptions complete(String code, int at) {
        awaitEvaluator();
        ReplacementOptions magic = KernelMagics.completeMagicName(magicsRegistry, code, at);
        if (magic != null) {
            return magic;
        }
        CodeAssist.Completion c = assist.complete(code, at);
        return new ReplacementOptions(c.options(), c.start(), c.end());
    }

    @Override
    public String isComplete(String code) {
        awaitEvaluator();
        CodeAssist.Completeness c = assist.isComplete(code);
        switch (c.status()) {
            case COMPLETE:
                return IS_COMPLETE_YES;
            case INVALID:
                return IS_COMPLETE_BAD;
            default:
                return c.indent();
        }
    }

    /** The notebook's stop button (interrupt_mode: message): stops the running cell. */
    @Override
    public void interrupt() {
        JShellEvaluator ev = evaluator;
        if (ev != null) {
            ev.stop("interrupted by the user");
        }
        IoPublisher p = publisher;
        if (p != null) {
            p.dropBacklog(); // a flood's waiting output would keep the stopped cell busy
        }
    }

    @Override
    public void onShutdown(boolean isRestarting) {
        JShellEvaluator ev = evaluator;
        if (ev != null) {
            ev.stop("kernel shutting down");
        }
        super.onShutdown(isRestarting);
    }
}
