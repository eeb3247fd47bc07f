package io.jynq.remote.server;

import io.grpc.Attributes;
import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Grpc;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerTransportFilter;
import io.grpc.Status;

/**
 * One {@link Session} per client connection (HTTP/2 transport): created when the connection is
 * ready, reachable from every call on it through {@link #current()}, and closed, freeing the
 * client's buffers and windows, when the connection ends for any reason (the client closed it,
 * the network dropped, the keep-alive failed).
 */
final class Sessions extends ServerTransportFilter implements ServerInterceptor {
    private static final Attributes.Key<Session> KEY = Attributes.Key.create("jynq.session");
    private static final Context.Key<Session> CURRENT = Context.key("jynq.session");
    private final Board board;

    Sessions(Board board) {
        this.board = board;
    }

    @Override
    public Attributes transportReady(Attributes attributes) {
        Object peer = attributes.get(Grpc.TRANSPORT_ATTR_REMOTE_ADDR);
        Session s = new Session(String.valueOf(peer));
        board.sessions.add(s);
        return attributes.toBuilder().set(KEY, s).build();
    }

    @Override
    public void transportTerminated(Attributes attributes) {
        Session s = attributes.get(KEY);
        if (s != null) {
            board.sessions.remove(s);
            s.close();
        }
    }

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
        Session s = call.getAttributes().get(KEY);
        if (s == null) {
            call.close(Status.UNAVAILABLE.withDescription("connection not ready"), new Metadata());
            return new ServerCall.Listener<>() {};
        }
        board.calls.increment();
        return Contexts.interceptCall(Context.current().withValue(CURRENT, s), call, headers, next);
    }

    /** Runs {@code body} as if it were a call on {@code session}'s connection (for tests and fuzzing). */
    static void runAs(Session session, Runnable body) {
        Context.current().withValue(CURRENT, session).run(body);
    }

    /** The session of the call being handled. */
    static Session current() {
        Session s = CURRENT.get();
        if (s == null) {
            throw new IllegalStateException("no session: call outside a board server request");
        }
        return s;
    }
}
