package io.jynq.kernel.wire;

import java.util.function.Consumer;
import org.dflib.jjava.jupyter.messages.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The thread that serves one ROUTER channel (shell or control). It blocks in a receive until a
 * message arrives, so a request is picked up within microseconds instead of jjava's 50 ms sleep,
 * and it never dies of one message: a refused message ({@link WireException}) or a handler that
 * throws is logged and the loop goes on.
 *
 * <p>The receive times out every {@value #WAKE_MS} ms only to see whether the connection is closing.
 */
public final class ChannelLoop extends Thread {
    static final long WAKE_MS = 250;
    private static final Logger LOG = LoggerFactory.getLogger(ChannelLoop.class);

    private final RouterSocket socket;
    private final Consumer<Message<?>> dispatch;
    private volatile boolean running = true;
    private volatile long refused;

    public ChannelLoop(RouterSocket socket, Consumer<Message<?>> dispatch) {
        super("jynq-" + socket.channelName());
        setDaemon(true);
        this.socket = socket;
        this.dispatch = dispatch;
    }

    @Override
    public void run() {
        // A blocking receive with a timeout, not a Poller: JeroMQ's Poller adds a selector
        // round per message (measured: kernel_info 12 ms with it under load).
        socket.setReceiveTimeOut((int) WAKE_MS);
        try {
            while (running) {
                serveOne();
            }
        } catch (RuntimeException e) {
            if (running) {
                LOG.error("{} channel stopped: {}", socket.channelName(), e.toString(), e);
            }
        } finally {
            socket.close();
        }
    }

    private void serveOne() {
        Message<?> message;
        try {
            message = socket.readMessage();
        } catch (WireException e) {
            refused++;
            LOG.warn("{}: message dropped: {}", socket.channelName(), e.getMessage());
            return;
        }
        if (message == null) {
            return;
        }
        long t1 = System.nanoTime();
        try {
            dispatch.accept(message);
        } catch (RuntimeException | LinkageError | StackOverflowError e) {
            LOG.error("{}: handler for {} failed: {}", socket.channelName(),
                    message.getHeader().getType().getName(), e.toString(), e);
        }
        if (LOG.isDebugEnabled()) {
            LOG.debug("{}: {} handled in {} us", socket.channelName(), message.getHeader().getType().getName(),
                    (System.nanoTime() - t1) / 1000);
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
