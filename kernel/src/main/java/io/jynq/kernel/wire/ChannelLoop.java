package io.jynq.kernel.wire;

import java.util.ArrayDeque;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.MessageType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The thread that serves one ROUTER channel (shell or control). It blocks in a receive until a
 * message arrives, so a request is picked up within microseconds instead of jjava's 50 ms sleep,
 * and it never dies of one message: a refused message ({@link WireException}) is logged and
 * dropped, an oversized one is answered with an error, and whatever a handler throws (any
 * {@link Throwable}, OutOfMemoryError included) is logged and the loop goes on.
 *
 * <p>{@link #abortQueued()} (a cell failed with {@code stop_on_error}) takes the requests already
 * waiting on the socket at that moment, before the failed cell's reply goes out: their execute
 * requests are answered {@code aborted} without running, the others are served, in order, as
 * ipykernel's {@code _abort_queues} does with its default {@code stop_on_error_timeout} of 0. A
 * request that arrives later (a client that sends its next cell when it sees the error reply)
 * runs: only what was sent before the client could know of the error is aborted.
 *
 * <p>The receive times out every {@value #WAKE_MS} ms only to see whether the connection is closing.
 */
public final class ChannelLoop extends Thread {
    static final long WAKE_MS = 250;
    private static final Logger LOG = LoggerFactory.getLogger(ChannelLoop.class);

    /** What the loop does with each message. Called on the loop's thread only. */
    interface Handler {
        void handle(Message<?> message);

        /** Answers a request too large to parse (the error names its size and the limit). */
        void refuse(OversizedMessageException tooLarge);

        /** Answers an execute request {@code aborted} without running it. */
        void abort(Message<?> message);
    }

    private final RouterSocket socket;
    private final Handler handler;
    private volatile boolean running = true;
    private volatile long refused;
    /** What {@link #abortQueued} took off the socket: messages, refusals, {@link #DROPPED}. */
    private final ArrayDeque<Object> queuedAtError = new ArrayDeque<>();
    private static final Object DROPPED = new Object();

    ChannelLoop(RouterSocket socket, Handler handler) {
        super("jynq-" + socket.channelName());
        setDaemon(true);
        this.socket = socket;
        this.handler = handler;
    }

    @Override
    public void run() {
        // A blocking receive with a timeout, not a Poller: JeroMQ's Poller adds a selector
        // round per message (measured: kernel_info 12 ms with it under load).
        socket.setReceiveTimeOut((int) WAKE_MS);
        try {
            while (running) {
                serve(receive(), false);
                while (running && !queuedAtError.isEmpty()) {
                    serve(queuedAtError.poll(), true);
                }
            }
        } catch (RuntimeException e) {
            if (running) {
                LOG.error("{} channel stopped: {}", socket.channelName(), e.toString(), e);
            }
        } finally {
            socket.close();
        }
    }

    /**
     * Takes the requests waiting on the socket now; once the current message is handled, their
     * execute requests are answered {@code aborted} and the others served. Call from the loop's
     * own handler before the failed request's reply is sent (a deferred reply goes out after the
     * handler returns), so that a request sent in answer to that reply is not among them.
     *
     * @throws IllegalStateException if called from another thread
     */
    public void abortQueued() {
        if (Thread.currentThread() != this) {
            throw new IllegalStateException("abortQueued is called from the " + socket.channelName() + " loop's handler only");
        }
        socket.setReceiveTimeOut(0);
        try {
            for (Object m = receive(); running && m != null; m = receive()) {
                queuedAtError.add(m);
            }
        } finally {
            socket.setReceiveTimeOut((int) WAKE_MS);
        }
    }

    /**
     * The next message, waiting up to the socket's receive timeout.
     *
     * @return a message, an {@link OversizedMessageException} to refuse, {@link #DROPPED}, or
     *     null if nothing arrived
     */
    private Object receive() {
        try {
            return socket.readMessage();
        } catch (WireException e) {
            refused++;
            LOG.warn("{}: message dropped: {}", socket.channelName(), e.getMessage());
            return DROPPED;
        } catch (OversizedMessageException e) {
            return e;
        } catch (OutOfMemoryError e) {
            // the frames themselves did not fit: nothing is left to answer
            refused++;
            LOG.error("{}: message dropped, no heap to receive it: {}", socket.channelName(), e.toString());
            return DROPPED;
        }
    }

    /** Handles what {@link #receive} returned; execute requests are aborted if asked. */
    private void serve(Object received, boolean abortExecutes) {
        if (received instanceof OversizedMessageException e) {
            guard("refusing an oversized " + e.request().getHeader().getType().getName(), () -> handler.refuse(e));
            return;
        }
        if (!(received instanceof Message<?> message)) {
            return; // nothing arrived, or dropped
        }
        long t1 = System.nanoTime();
        if (abortExecutes && message.getHeader().getType() == MessageType.EXECUTE_REQUEST) {
            guard("aborting execute_request", () -> handler.abort(message));
        } else {
            guard("handler for " + message.getHeader().getType().getName(), () -> handler.handle(message));
        }
        if (LOG.isDebugEnabled()) {
            LOG.debug("{}: {} handled in {} us", socket.channelName(), message.getHeader().getType().getName(),
                    (System.nanoTime() - t1) / 1000);
        }
    }

    /**
     * Runs one handler; nothing it throws ends the loop. An Error that escaped the handler's own
     * reply (e.g. OutOfMemoryError while building it) is only logged: the request is lost, the
     * channel is not.
     */
    private void guard(String what, Runnable r) {
        try {
            r.run();
        } catch (Throwable e) { // NOPMD: the loop must survive everything, OutOfMemoryError included
            LOG.error("{}: {} failed: {}", socket.channelName(), what, e.toString(), e);
        }
    }

    /** Messages dropped so far (bad signature, replay, malformed). */
    public long refused() {
        return refused;
    }

    public void shutdown() {
        running = false;
    }
}
