package io.jynq.remote.wire;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedInputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.MessageLite;
import com.google.protobuf.Parser;
import com.google.protobuf.UnsafeByteOperations;
import io.grpc.KnownLength;
import io.grpc.MethodDescriptor;
import io.grpc.ServerMethodDefinition;
import io.grpc.ServerServiceDefinition;
import io.grpc.Status;
import java.io.IOException;
import java.io.InputStream;
import java.util.Set;

/**
 * Marshalling for the board server's side of PYNQ's {@code buffer.RemoteBuffer/write}, whose
 * messages carry buffer bytes: the same wire format as the generated code, parsed with one copy
 * fewer. (The client's reads and JYNQ's {@code write_range} go further, straight from the
 * transport into the buffer: {@link DirectChunks}; PYNQ's {@code write} keeps the parsed message
 * because its {@code start}/{@code end}, which say where the bytes go, follow its bytes on the wire.) grpc-java's protobuf marshaller (1.68) reads a message
 * into a reused scratch array and then copies every {@code bytes} field out of it into a new one;
 * here a large message is read into an array of its own which its {@code bytes} fields alias.
 * Small messages take the generated path.
 *
 * <p>Tried and dropped: aliasing the transport's own (Netty) buffers through {@code Detachable},
 * which saves one more copy but holds pooled buffers until the receiver hands them back, freeing
 * them off the event loop; on this machine it cost more event-loop CPU than the copy it saved.
 */
public final class BulkMarshalling {
    /** Messages from this size on are parsed aliasing; below it the scratch copy costs nothing. */
    static final int ALIAS_FROM_BYTES = 64 << 10;

    private BulkMarshalling() {}

    /**
     * {@code method} with marshallers that alias large messages' {@code bytes} fields, for a client
     * call on this descriptor.
     *
     * @throws IllegalArgumentException if the method's marshallers are not protobuf's
     */
    public static <Q, R> MethodDescriptor<Q, R> aliasing(MethodDescriptor<Q, R> method) {
        return method.toBuilder(aliasing(method.getRequestMarshaller()), aliasing(method.getResponseMarshaller())).build();
    }

    /**
     * {@code service} with the methods named in {@code methods} (full names, {@code buffer.RemoteBuffer/write})
     * parsing aliasing; the handlers are the same.
     */
    @SuppressWarnings({"rawtypes", "unchecked"})
    public static ServerServiceDefinition aliasing(ServerServiceDefinition service, Set<String> methods) {
        ServerServiceDefinition.Builder b = ServerServiceDefinition.builder(service.getServiceDescriptor().getName());
        for (ServerMethodDefinition<?, ?> m : service.getMethods()) {
            b.addMethod(methods.contains(m.getMethodDescriptor().getFullMethodName()) ? aliased(m) : (ServerMethodDefinition) m);
        }
        return b.build();
    }

    private static <Q, R> ServerMethodDefinition<Q, R> aliased(ServerMethodDefinition<Q, R> m) {
        return ServerMethodDefinition.create(aliasing(m.getMethodDescriptor()), m.getServerCallHandler());
    }

    @SuppressWarnings("unchecked")
    private static <T> MethodDescriptor.Marshaller<T> aliasing(MethodDescriptor.Marshaller<T> base) {
        if (!(base instanceof MethodDescriptor.PrototypeMarshaller<T> p) || !(p.getMessagePrototype() instanceof MessageLite proto)) {
            throw new IllegalArgumentException("not a protobuf marshaller: " + base);
        }
        return new Aliasing<>(p, (Parser<T>) proto.getParserForType());
    }

    /** Parses messages of {@link #ALIAS_FROM_BYTES} or more from an array they own, aliasing it. */
    private record Aliasing<T>(MethodDescriptor.PrototypeMarshaller<T> base, Parser<T> parser)
            implements MethodDescriptor.PrototypeMarshaller<T> {
        @Override
        public T getMessagePrototype() {
            return base.getMessagePrototype();
        }

        @Override
        public Class<T> getMessageClass() {
            return base.getMessageClass();
        }

        @Override
        public InputStream stream(T value) {
            return base.stream(value);
        }

        @Override
        public T parse(InputStream in) {
            try {
                int size = in instanceof KnownLength ? in.available() : -1;
                if (size < ALIAS_FROM_BYTES) {
                    return base.parse(in);
                }
                byte[] owned = new byte[size];
                if (in.readNBytes(owned, 0, size) != size || in.read() != -1) {
                    throw Status.INTERNAL.withDescription("message length changed while reading it").asRuntimeException();
                }
                // the array is this message's alone and never written again: aliasing it is safe
                return parse(UnsafeByteOperations.unsafeWrap(owned));
            } catch (IOException e) {
                throw Status.INTERNAL.withDescription("cannot read a message: " + e.getMessage()).withCause(e).asRuntimeException();
            }
        }

        private T parse(ByteString bytes) {
            try {
                CodedInputStream cis = bytes.newCodedInput();
                cis.enableAliasing(true);
                T message = parser.parseFrom(cis);
                cis.checkLastTagWas(0);
                return message;
            } catch (InvalidProtocolBufferException e) {
                throw Status.INTERNAL.withDescription("invalid protobuf message: " + e.getMessage()).withCause(e).asRuntimeException();
            }
        }
    }
}
