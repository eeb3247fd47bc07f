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
 * <p>Here the leftover and the new read become the two components of a new composite buffer, no
 * bytes copied, as long as the read is large ({@link #COMPOSE_FROM_BYTES}) and the leftover lies in
 * one buffer (the common case: a leftover is shorter than a frame, a read longer); otherwise
 * Netty's merge. A fresh composite each time, never one grown in place, so the composites never
 * nest and never outlive the frame being assembled.
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
        ByteBuf rest = in.readableBytes() < COMPOSE_FROM_BYTES ? null : unread(cumulation);
        if (rest == null) {
            return ByteToMessageDecoder.MERGE_CUMULATOR.cumulate(alloc, cumulation, in);
        }
        cumulation.release();
        return alloc.compositeBuffer(2).addComponents(true, rest, in);
    }

    /**
     * The unread bytes of {@code buf} as a retained buffer that is not a composite, or null when
     * they span several components of a composite.
     */
    private static ByteBuf unread(ByteBuf buf) {
        int from = buf.readerIndex();
        int length = buf.readableBytes();
        if (!(buf instanceof CompositeByteBuf c)) {
            return buf.retainedSlice(from, length);
        }
        int i = c.toComponentIndex(from);
        int at = from - c.toByteIndex(i);
        ByteBuf part = c.internalComponent(i);
        if (at + length > part.readableBytes()) {
            return null;
        }
        return part.retainedSlice(part.readerIndex() + at, length);
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
