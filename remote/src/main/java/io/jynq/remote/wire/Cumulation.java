package io.jynq.remote.wire;

import io.grpc.ChannelCredentials;
import io.grpc.ServerCredentials;
import io.grpc.netty.shaded.io.grpc.netty.GrpcHttp2ConnectionHandler;
import io.grpc.netty.shaded.io.grpc.netty.InternalNettyChannelCredentials;
import io.grpc.netty.shaded.io.grpc.netty.InternalNettyServerCredentials;
import io.grpc.netty.shaded.io.grpc.netty.InternalProtocolNegotiator;
import io.grpc.netty.shaded.io.netty.buffer.ByteBuf;
import io.grpc.netty.shaded.io.netty.buffer.ByteBufAllocator;
import io.grpc.netty.shaded.io.netty.buffer.CompositeByteBuf;
import io.grpc.netty.shaded.io.netty.channel.ChannelHandler;
import io.grpc.netty.shaded.io.netty.handler.codec.ByteToMessageDecoder;
import io.grpc.netty.shaded.io.netty.util.AsciiString;

/**
 * How the HTTP/2 decoder of a gRPC connection keeps bytes that arrived ahead of a whole frame:
 * by reference, where Netty's default copies them. A connection moving a 64 MiB buffer reads
 * 64 KiB at a time, and nearly every read ends inside a 16 KiB DATA frame; Netty's
 * {@link ByteToMessageDecoder#MERGE_CUMULATOR} then copies the whole next read behind the
 * leftover (into a newly allocated, zeroed pool chunk when the leftover is still referenced by a
 * frame being delivered): one more copy of every received byte, 6 % of the CPU of a
 * flush plus invalidate in the profile, and another 4 % allocating and zeroing chunks.
 * grpc-java has its own composing cumulator for this ({@code NettyAdaptiveCumulator}) but no
 * longer uses it: grpc-netty-shaded 1.68 looks for its Netty version under a name the shaded jar
 * does not carry, and later releases turned it off (grpc-java #11284, #12390).
 *
 * <p>Here the leftover (a retained slice of each buffer it lies in) and the new read become the
 * components of a new composite buffer, no bytes copied, when the read is large
 * ({@link #COMPOSE_FROM_BYTES}); small reads take Netty's merge, so a trickle of tiny reads cannot
 * pile up tiny components. A fresh composite each time, never one grown in place or nested, so a
 * composite holds at most the reads of one partial frame.
 *
 * <p>Tried and dropped: offering the peer DATA frames of 1 MiB (SETTINGS_MAX_FRAME_SIZE, sent from
 * a handler beside this one): no measurable change in CPU per operation (load 18, three runs each).
 */
public final class Cumulation {
    /** Reads below this are merged (copied): a stream of tiny reads must not make tiny components. */
    static final int COMPOSE_FROM_BYTES = 4096;

    private Cumulation() {}

    /** The cumulator: leftover plus read, by reference where it can. */
    public static final ByteToMessageDecoder.Cumulator COMPOSING = Cumulation::cumulate;

    static ByteBuf cumulate(ByteBufAllocator alloc, ByteBuf cumulation, ByteBuf in) {
        if (!cumulation.isReadable()) {
            cumulation.release();
            return in;
        }
        if (in.readableBytes() < COMPOSE_FROM_BYTES) {
            return ByteToMessageDecoder.MERGE_CUMULATOR.cumulate(alloc, cumulation, in);
        }
        CompositeByteBuf next = alloc.compositeBuffer(Integer.MAX_VALUE);
        try {
            addUnread(next, cumulation);
        } catch (RuntimeException | Error e) {
            next.release();
            in.release(); // as Netty's cumulators: the decoder still owns the cumulation, not the input
            throw e;
        }
        cumulation.release();
        return next.addComponent(true, in);
    }

    /**
     * Adds the unread bytes of {@code buf} to {@code to} by reference: a retained slice of each
     * buffer they lie in, so that composites never nest.
     */
    private static void addUnread(CompositeByteBuf to, ByteBuf buf) {
        int from = buf.readerIndex();
        int length = buf.readableBytes();
        if (!(buf instanceof CompositeByteBuf c)) {
            to.addComponent(true, buf.retainedSlice(from, length));
            return;
        }
        for (int i = c.toComponentIndex(from); length > 0; i++) {
            ByteBuf part = c.internalComponent(i);
            int at = from - c.toByteIndex(i);
            int n = Math.min(length, part.readableBytes() - at);
            to.addComponent(true, part.retainedSlice(part.readerIndex() + at, n));
            from += n;
            length -= n;
        }
    }

    /** {@code credentials} whose connections cumulate with {@link #COMPOSING}, for a channel. */
    public static ChannelCredentials client(ChannelCredentials credentials) {
        InternalProtocolNegotiator.ClientFactory base = InternalNettyChannelCredentials.toNegotiator(credentials);
        return InternalNettyChannelCredentials.create(new InternalProtocolNegotiator.ClientFactory() {
            @Override
            public InternalProtocolNegotiator.ProtocolNegotiator newNegotiator() {
                return composing(base.newNegotiator());
            }

            @Override
            public int getDefaultPort() {
                return base.getDefaultPort();
            }
        });
    }

    /** {@code credentials} whose connections cumulate with {@link #COMPOSING}, for a server. */
    public static ServerCredentials server(ServerCredentials credentials) {
        InternalProtocolNegotiator.ServerFactory base = InternalNettyServerCredentials.toNegotiator(credentials);
        return InternalNettyServerCredentials.create(
                (InternalProtocolNegotiator.ServerFactory) pool -> composing(base.newNegotiator(pool)));
    }

    private static InternalProtocolNegotiator.ProtocolNegotiator composing(InternalProtocolNegotiator.ProtocolNegotiator base) {
        return new InternalProtocolNegotiator.ProtocolNegotiator() {
            @Override
            public AsciiString scheme() {
                return base.scheme();
            }

            @Override
            public ChannelHandler newHandler(GrpcHttp2ConnectionHandler grpcHandler) {
                grpcHandler.setCumulator(COMPOSING);
                return base.newHandler(grpcHandler);
            }

            @Override
            public void close() {
                base.close();
            }
        };
    }
}
