package io.jynq.remote.server;

import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.util.function.LongFunction;

/**
 * Streams {@code length} bytes to a client as chunks, only as fast as the client reads them (the
 * transport's readiness), so a slow or stalled client never makes the server hold a whole buffer
 * in memory. A failure while making a chunk (the buffer was freed) ends the stream with its
 * status; a cancelled call stops the sending.
 */
final class ChunkSender<T> implements Runnable {
    /** Bytes per message: large enough for throughput, well under every client's 4 MiB limit. */
    static final int CHUNK = 1 << 20;

    private final ServerCallStreamObserver<T> out;
    private final long length;
    private final LongFunction<T> chunkAt;
    private long next;
    private boolean done;

    private ChunkSender(StreamObserver<T> out, long length, LongFunction<T> chunkAt) {
        this.out = (ServerCallStreamObserver<T>) out;
        this.length = length;
        this.chunkAt = chunkAt;
    }

    /**
     * Starts streaming; must be called from the call's handler method.
     *
     * @param chunkAt the message for the chunk starting at this byte offset (at most {@link #CHUNK} bytes)
     */
    static <T> void send(StreamObserver<T> out, long length, LongFunction<T> chunkAt) {
        ChunkSender<T> s = new ChunkSender<>(out, length, chunkAt);
        s.out.setOnCancelHandler(() -> {
            synchronized (s) {
                s.done = true;
            }
        });
        s.out.setOnReadyHandler(s);
        s.run();
    }

    @Override
    public synchronized void run() {
        while (!done && out.isReady()) {
            if (next >= length) {
                done = true;
                out.onCompleted();
                return;
            }
            T chunk;
            try {
                chunk = chunkAt.apply(next);
            } catch (RuntimeException | OutOfMemoryError e) {
                done = true;
                out.onError(Errors.status(e));
                return;
            }
            out.onNext(chunk);
            next += CHUNK;
        }
    }
}
