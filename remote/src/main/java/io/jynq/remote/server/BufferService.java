package io.jynq.remote.server;

import com.google.protobuf.ByteString;
import com.google.protobuf.UnsafeByteOperations;
import io.grpc.stub.StreamObserver;
import io.jynq.device.DeviceMemory;
import io.jynq.remote.proto.buffer.AddressRequest;
import io.jynq.remote.proto.buffer.AddressResponse;
import io.jynq.remote.proto.buffer.AllocateRequest;
import io.jynq.remote.proto.buffer.AllocateResponse;
import io.jynq.remote.proto.buffer.BufferReadRequest;
import io.jynq.remote.proto.buffer.BufferReadResponse;
import io.jynq.remote.proto.buffer.BufferWriteRequest;
import io.jynq.remote.proto.buffer.BufferWriteResponse;
import io.jynq.remote.proto.buffer.CacheableRequest;
import io.jynq.remote.proto.buffer.CacheableResponse;
import io.jynq.remote.proto.buffer.FlushRequest;
import io.jynq.remote.proto.buffer.FlushResponse;
import io.jynq.remote.proto.buffer.FreeBufferRequest;
import io.jynq.remote.proto.buffer.FreeBufferResponse;
import io.jynq.remote.proto.buffer.InvalidateRequest;
import io.jynq.remote.proto.buffer.InvalidateResponse;
import io.jynq.remote.proto.buffer.RemoteBufferGrpc;
import java.nio.ByteBuffer;

/**
 * PYNQ.remote's {@code buffer.RemoteBuffer} over a {@link Board}: buffers belong to the connection
 * that allocated them. As in PYNQ's server, a failed allocation answers with {@code msg} and no id,
 * an unknown id in {@code write} with {@code msg}, elsewhere with NOT_FOUND. {@code write} and
 * {@code read} move the whole buffer, or {@code [start, end)} when {@code end > start}.
 * {@code virtual_address} answers the physical address: the server's own pointers are not the
 * client's business.
 */
final class BufferService extends RemoteBufferGrpc.RemoteBufferImplBase {
    private final Board board;

    BufferService(Board board) {
        this.board = board;
    }

    @Override
    public void allocate(AllocateRequest request, StreamObserver<AllocateResponse> out) {
        AllocateResponse.Builder r = AllocateResponse.newBuilder();
        try {
            r.setBufferId(board.allocate(Sessions.current(), request.getSize(), request.getCacheable()));
        } catch (RuntimeException e) {
            r.setMsg("allocate(" + request.getSize() + " bytes, " + request.getDtype() + ") failed: " + Errors.message(e));
        }
        out.onNext(r.build());
        out.onCompleted();
    }

    @Override
    public StreamObserver<BufferWriteRequest> write(StreamObserver<BufferWriteResponse> out) {
        Session session = Sessions.current();
        return new StreamObserver<>() {
            private ByteBuffer target;
            private String problem;

            @Override
            public void onNext(BufferWriteRequest m) {
                if (problem != null) {
                    return;
                }
                try {
                    if (target == null) {
                        DeviceMemory mem = board.buffer(session, m.getBufferId());
                        target = mem.buffer();
                        if (m.getEnd() > m.getStart()) {
                            target.position(m.getStart()).limit(Math.min(m.getEnd(), target.capacity()));
                        }
                    }
                    if (m.getData().size() > target.remaining()) {
                        problem = "Buffer overflow.";
                        return;
                    }
                    m.getData().copyTo(target);
                } catch (RuntimeException e) {
                    problem = e instanceof java.util.NoSuchElementException ? "Buffer not found." : Errors.message(e);
                }
            }

            @Override
            public void onError(Throwable t) {
                // the client went away mid-stream; what arrived stays written, as on PYNQ's server
            }

            @Override
            public void onCompleted() {
                BufferWriteResponse.Builder r = BufferWriteResponse.newBuilder();
                if (problem != null) {
                    r.setMsg(problem);
                }
                out.onNext(r.build());
                out.onCompleted();
            }
        };
    }

    @Override
    public void read(BufferReadRequest request, StreamObserver<BufferReadResponse> out) {
        DeviceMemory mem;
        try {
            mem = board.buffer(Sessions.current(), request.getBufferId());
        } catch (RuntimeException e) {
            out.onError(Errors.status(e));
            return;
        }
        long size = mem.byteSize();
        long start = request.getEnd() > request.getStart() ? Math.max(0, request.getStart()) : 0;
        long end = request.getEnd() > request.getStart() ? Math.min(size, request.getEnd()) : size;
        ChunkSender.send(out, end - start, off -> BufferReadResponse.newBuilder()
                .setData(view(mem, start + off, (int) Math.min(ChunkSender.CHUNK, end - start - off))).build());
    }

    /**
     * {@code length} bytes of {@code mem} from {@code offset} for a message, as a view, not a copy:
     * grpc-java serialises a message inside {@code onNext} (into the transport's own buffers), so the
     * view is read before {@code onNext} returns, while this call still holds the buffer.
     */
    static ByteString view(DeviceMemory mem, long offset, int length) {
        ByteBuffer b = mem.buffer();
        b.position((int) offset).limit((int) offset + length);
        return UnsafeByteOperations.unsafeWrap(b.slice());
    }

    @Override
    public void freebuffer(FreeBufferRequest request, StreamObserver<FreeBufferResponse> out) {
        Errors.unary(out, () -> {
            board.free(Sessions.current(), request.getBufferId());
            return FreeBufferResponse.getDefaultInstance();
        });
    }

    @Override
    public void flush(FlushRequest request, StreamObserver<FlushResponse> out) {
        Errors.unary(out, () -> {
            DeviceMemory m = board.buffer(Sessions.current(), request.getBufferId());
            m.flush(0, m.byteSize());
            return FlushResponse.getDefaultInstance();
        });
    }

    @Override
    public void invalidate(InvalidateRequest request, StreamObserver<InvalidateResponse> out) {
        Errors.unary(out, () -> {
            DeviceMemory m = board.buffer(Sessions.current(), request.getBufferId());
            m.invalidate(0, m.byteSize());
            return InvalidateResponse.getDefaultInstance();
        });
    }

    @Override
    public void physicalAddress(AddressRequest request, StreamObserver<AddressResponse> out) {
        Errors.unary(out, () -> AddressResponse.newBuilder()
                .setAddress(board.buffer(Sessions.current(), request.getBufferId()).physicalAddress()).build());
    }

    @Override
    public void virtualAddress(AddressRequest request, StreamObserver<AddressResponse> out) {
        physicalAddress(request, out);
    }

    @Override
    public void cacheable(CacheableRequest request, StreamObserver<CacheableResponse> out) {
        Errors.unary(out, () -> CacheableResponse.newBuilder()
                .setCacheable(board.buffer(Sessions.current(), request.getBufferId()).cacheable()).build());
    }
}
