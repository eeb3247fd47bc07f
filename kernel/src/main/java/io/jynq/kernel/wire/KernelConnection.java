package io.jynq.kernel.wire;

import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import org.dflib.jjava.jupyter.channels.IOPubChannel;
import org.dflib.jjava.jupyter.channels.ShellHandler;
import org.dflib.jjava.jupyter.channels.StdinChannel;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import org.dflib.jjava.jupyter.messages.HMACGenerator;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.MessageType;
import org.dflib.jjava.jupyter.messages.publish.PublishError;
import org.dflib.jjava.jupyter.messages.publish.PublishStatus;
import org.dflib.jjava.jupyter.messages.reply.ErrorReply;
import org.dflib.jjava.jupyter.messages.reply.ExecuteReply;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zeromq.ZMQ;

/**
 * The kernel's five channels, bound to the connection file's IP and ports, and the dispatch of
 * shell and control requests to handlers by message type. Replaces jjava-jupyter's
 * {@code JupyterConnection}, whose channels poll with a fixed sleep and die on a bad signature.
 *
 * <p>Lifecycle: construct, {@link #setHandler} for each request type, {@link #connect()} (binds
 * and publishes {@code status: starting}), {@link #awaitClose()}; a handler that marks its reply
 * environment for shutdown closes the connection.
 */
public final class KernelConnection {
    private static final Logger LOG = LoggerFactory.getLogger(KernelConnection.class);

    private final KernelConnectionProperties props;
    private final ZMQ.Context ctx = ZMQ.context(1);
    private final IoThreadScheduling ioThreads = new IoThreadScheduling();
    private final IOPubChannel iopub;
    private final StdinChannel stdin;
    private final RouterSocket shell;
    private final RouterSocket control;
    private final Map<MessageType<?>, ShellHandler<?>> handlers = new ConcurrentHashMap<>();
    private final CountDownLatch closed = new CountDownLatch(1);
    /** Requests being handled now, on the shell and control channels; see {@link #quietNanos}. */
    private final java.util.concurrent.atomic.AtomicInteger handling = new java.util.concurrent.atomic.AtomicInteger();
    private volatile long lastHandled = System.nanoTime();
    private ChannelLoop shellLoop;
    private ChannelLoop controlLoop;
    private HeartbeatLoop heartbeat;

    /**
     * @param file the checked connection file; its key signs every outgoing message and checks
     *             every incoming one (unless the file was accepted as insecure with an empty key)
     */
    public KernelConnection(ConnectionFile file) {
        this.props = file.properties();
        HMACGenerator signer;
        try {
            signer = props.createHMACGenerator();
        } catch (InvalidKeyException | NoSuchAlgorithmException e) {
            throw new IllegalArgumentException(file.path() + ": signature_scheme '" + props.getSignatureScheme()
                    + "' cannot sign: " + e.getMessage(), e);
        }
        boolean hasKey = props.getKey() != null && !props.getKey().isEmpty();
        WireCodec codec = new WireCodec(hasKey ? new SignatureCheck(props.getSignatureScheme(), props.getKey()) : null,
                new ReplayGuard(ReplayGuard.DEFAULT_CAPACITY), WireCodec.defaultMaxMessageBytes());
        ioThreads.install(ctx); // before the first socket starts the I/O thread
        iopub = new IOPubChannel(ctx, signer);
        stdin = new StdinChannel(ctx, signer);
        shell = new RouterSocket(ctx, signer, codec, false);
        control = new RouterSocket(ctx, signer, codec, true);
    }

    public <T> void setHandler(MessageType<T> type, ShellHandler<T> handler) {
        handlers.put(type, handler);
    }

    /**
     * How long no request has been handled: nanoseconds since the last shell or control request
     * was answered, 0 while one is being handled. Background work that should yield to the user
     * (the JIT warm-up) waits for a quiet spell.
     */
    public long quietNanos() {
        return handling.get() > 0 ? 0 : Math.max(0, System.nanoTime() - lastHandled);
    }

    /** The IOPub channel: publish from any thread (sends are serialised by the socket). */
    public IOPubChannel iopub() {
        return iopub;
    }

    /** Binds all five sockets to the connection file's IP, starts serving, publishes {@code starting}. */
    public void connect() {
        for (var s : new org.dflib.jjava.jupyter.channels.JupyterSocket[] {iopub, stdin, shell, control}) {
            s.setLinger(0);
        }
        iopub.bind(props);
        stdin.bind(props);
        shell.bind(props);
        control.bind(props);
        heartbeat = new HeartbeatLoop(ctx, Endpoints.address(props, props.getHbPort()));
        heartbeat.start();
        shellLoop = new ChannelLoop(shell, new Handlers(shell));
        controlLoop = new ChannelLoop(control, new Handlers(control));
        shellLoop.start();
        controlLoop.start();
        iopub.sendMessage(new Message<>(null, PublishStatus.MESSAGE_TYPE, PublishStatus.STARTING));
        if (LOG.isInfoEnabled()) {
            ProcessHandle.Info self = ProcessHandle.current().info();
            LOG.info("kernel listening on {} (shell {}, control {}, iopub {}, stdin {}, hb {}); {} ms after JVM start, {} ms CPU",
                    props.getIp(), props.getShellPort(), props.getControlPort(), props.getIopubPort(), props.getStdinPort(),
                    props.getHbPort(),
                    self.startInstant().map(t -> java.time.Duration.between(t, java.time.Instant.now()).toMillis()).orElse(-1L),
                    self.totalCpuDuration().map(java.time.Duration::toMillis).orElse(-1L));
        }
    }

    /**
     * Puts ZeroMQ's I/O thread under {@code SCHED_BATCH} (see {@link IoThreadScheduling} for the
     * measured spin this avoids). Loads libc through JNA, so call it off the path of the first
     * reply, e.g. from the session's startup thread.
     *
     * @return the number of ZeroMQ threads that took the policy (0 where Linux refuses or is absent)
     */
    public int scheduleIoThreadsAsBatch() {
        return ioThreads.apply();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void dispatch(RouterSocket socket, Message<?> message) {
        ShellHandler handler = handlers.get(message.getHeader().getType());
        if (handler == null) {
            LOG.warn("{}: no handler for {}", socket.channelName(), message.getHeader().getType().getName());
            return;
        }
        ReplyContext env = new ReplyContext(socket, stdin, iopub, message);
        handling.incrementAndGet();
        try {
            handler.handle(env, message);
        } finally {
            env.resolveDeferrals();
            lastHandled = System.nanoTime();
            handling.decrementAndGet();
        }
        if (env.isMarkedForShutdown()) {
            close();
        }
    }

    /**
     * Answers the execute requests queued on the shell channel now with {@code aborted} instead
     * of running them, once the current request is handled (stop_on_error after a failed cell).
     * Call from a shell handler before its error reply is sent (see {@link ChannelLoop#abortQueued}).
     */
    public void abortQueuedExecutes() {
        if (shellLoop != null) {
            shellLoop.abortQueued();
        }
    }

    /** The three things a channel loop asks of the connection, bound to one socket. */
    private final class Handlers implements ChannelLoop.Handler {
        private final RouterSocket socket;

        Handlers(RouterSocket socket) {
            this.socket = socket;
        }

        @Override
        public void handle(Message<?> message) {
            dispatch(socket, message);
        }

        @Override
        public void refuse(OversizedMessageException tooLarge) {
            Message<?> request = tooLarge.request();
            LOG.warn("{}: {}", socket.channelName(), tooLarge.getMessage());
            String text = tooLarge.getMessage() + ": the limit is 1/32 of the kernel's heap (-Xmx, "
                    + Sizes.human(Runtime.getRuntime().maxMemory()) + "); give the kernel more with "
                    + "./jynq install-kernel --jvm-option -Xmx1g, or split the cell";
            ReplyContext env = new ReplyContext(socket, stdin, iopub, request);
            env.setStatusBusy();
            try {
                if (request.getHeader().getType() == MessageType.EXECUTE_REQUEST) {
                    env.publish(new PublishError("RequestTooLarge", text, List.of("RequestTooLarge: " + text)));
                }
                MessageType<?> replyType = replyTypeOf(request);
                if (replyType != null) {
                    env.replyError(replyType.error(), new ErrorReply("RequestTooLarge", text, List.of(text)));
                }
            } finally {
                env.setStatusIdle();
            }
        }

        @Override
        public void abort(Message<?> message) {
            ReplyContext env = new ReplyContext(socket, stdin, iopub, message);
            env.setStatusBusy();
            try {
                env.reply(new AbortedReply(ExecuteReply.MESSAGE_TYPE));
            } finally {
                env.setStatusIdle();
            }
        }
    }

    /** {@code x_reply} for {@code x_request}, or null for a message type without a reply. */
    static MessageType<?> replyTypeOf(Message<?> request) {
        String name = request.getHeader().getType().getName();
        if (!name.endsWith("_request")) {
            return null;
        }
        return MessageType.getType(name.substring(0, name.length() - "_request".length()) + "_reply");
    }

    /** Stops the loops and wakes {@link #awaitClose()}; idempotent. */
    public void close() {
        if (closed.getCount() == 0) {
            return;
        }
        for (Thread t : new Thread[] {shellLoop, controlLoop, heartbeat}) {
            if (t instanceof ChannelLoop) {
                ((ChannelLoop) t).shutdown();
            } else if (t instanceof HeartbeatLoop) {
                ((HeartbeatLoop) t).shutdown();
            }
        }
        closed.countDown();
    }

    /** Blocks until a shutdown request (or {@link #close()}), then lets the loops finish. */
    public void awaitClose() throws InterruptedException {
        closed.await();
        for (Thread t : new Thread[] {shellLoop, controlLoop, heartbeat}) {
            if (t != null && t != Thread.currentThread()) {
                t.join(2 * ChannelLoop.WAKE_MS);
            }
        }
        iopub.close();
        stdin.close();
        ctx.close();
    }

    /** Messages refused so far on shell and control together. */
    public long refused() {
        return (shellLoop == null ? 0 : shellLoop.refused()) + (controlLoop == null ? 0 : controlLoop.refused());
    }
}
