package io.jynq.kernel.wire;

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
 * <p>After {@link #abortQueued()} (a cell failed with {@code stop_on_error}), the execute requests
 * already waiting on the socket are answered {@code aborted} without running, as ipykernel's
 * {@code _abort_queues} does with its default {@code stop_on_error_timeout} of 0; other requests
 * waiting there are served normally.
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
    private volatile boolean abortPending;
    private volatile long refused;

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
                serveOne(false);
                if (abortPending) {
                    abortWaiting();
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
     * Asks the loop to answer the execute requests already waiting on its socket with
     * {@code aborted} once the current message is handled. Call from the loop's own handler.
     */
    public void abortQueued() {
        abortPending = true;
    }

    /** Serves what is waiting now without blocking, execute requests answered aborted. */
    private void abortWaiting() {
        abortPending = false;
        socket.setReceiveTimeOut(0);
        try {
            while (running && serveOne(true)) {
                // everything that was waiting, and what arrives while we drain
            }
        } finally {
            socket.setReceiveTimeOut((int) WAKE_MS);
        }
    }

    /** @return false if nothing was waiting */
    private boolean serveOne(boolean aborting) {
        Message<?> message;
        try {
            message = socket.readMessage();
        } catch (WireException e) {
            refused++;
            LOG.warn("{}: message dropped: {}", socket.channelName(), e.getMessage());
            return true;
        } catch (OversizedMessageException e) {
            guard("refusing an oversized " + e.request().getHeader().getType().getName(), () -> handler.refuse(e));
            return true;
        } catch (OutOfMemoryError e) {
            // the frames themselves did not fit: nothing is left to answer
            refused++;
            LOG.error("{}: message dropped, no heap to receive it: {}", socket.channelName(), e.toString());
            return true;
        }
        if (message == null) {
            return false;
        }
        long t1 = System.nanoTime();
        if (aborting && message.getHeader().getType() == MessageType.EXECUTE_REQUEST) {
            guard("aborting execute_request", () -> handler.abort(message));
        } else {
            guard("handler for " + message.getHeader().getType().getName(), () -> handler.handle(message));
        }
        if (LOG.isDebugEnabled()) {
            LOG.debug("{}: {} handled in {} us", socket.channelName(), message.getHeader().getType().getName(),
                    (System.nanoTime() - t1) / 1000);
        }
        return true;
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
