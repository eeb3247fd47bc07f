package io.jynq.remote.client;

import io.grpc.StatusRuntimeException;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import io.grpc.stub.StreamObserver;
import io.jynq.device.DeviceException;
import java.util.Iterator;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;

/**
 * A client stream (a file, a bitstream, a buffer's bytes) sent only as fast as the transport takes
 * it, so a large buffer is never queued whole in the channel; the caller waits for the answer.
 */
final class Upload {
    private Upload() {}

    /**
     * @param start opens the call on an async stub (with its deadline) given the response observer
     * @param messages the messages, made lazily
     * @return the single response
     * @throws DeviceException etc. as {@link BoardConnection#translate} says
     * @throws CancellationException if the thread is interrupted (the call is cancelled, the flag kept)
     */
    static <Q, R> R send(BoardConnection c, String what, Function<StreamObserver<R>, StreamObserver<Q>> start, Iterator<Q> messages) {
        CompletableFuture<R> result = new CompletableFuture<>();
        Sender<Q, R> sender = new Sender<>(messages, result);
        start.apply(sender);
        sender.drain();
        try {
            return result.get();
        } catch (InterruptedException e) {
            sender.cancel();
            Thread.currentThread().interrupt();
            throw new CancellationException("board " + c.address() + ": " + what + " interrupted");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof StatusRuntimeException s) {
                throw c.translate(what, s);
            }
            throw new DeviceException("board " + c.address() + ": " + what + " failed: " + e.getCause(), e.getCause());
        }
    }

    private static final class Sender<Q, R> implements ClientResponseObserver<Q, R> {
        private final Iterator<Q> messages;
        private final CompletableFuture<R> result;
        private ClientCallStreamObserver<Q> requests;
        private boolean completed;
        private R value;

        Sender(Iterator<Q> messages, CompletableFuture<R> result) {
            this.messages = messages;
            this.result = result;
        }

        @Override
        public void beforeStart(ClientCallStreamObserver<Q> requestStream) {
            this.requests = requestStream;
            requestStream.setOnReadyHandler(this::drain);
        }

        synchronized void drain() {
            if (completed || requests == null || result.isDone()) {
                return;
            }
            while (requests.isReady() && messages.hasNext()) {
                requests.onNext(messages.next());
            }
            if (!messages.hasNext()) {
                completed = true;
                requests.onCompleted();
            }
        }

        synchronized void cancel() {
            if (requests != null) {
                requests.cancel("interrupted", null);
            }
        }

        @Override
        public void onNext(R r) {
            value = r;
        }

        @Override
        public void onError(Throwable t) {
            result.completeExceptionally(t);
        }

        @Override
        public void onCompleted() {
            result.complete(value);
        }
    }
}
