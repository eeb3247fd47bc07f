package io.jynq.remote.client;

import com.google.protobuf.UnsafeByteOperations;
import io.grpc.CallOptions;
import io.grpc.MethodDescriptor;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ClientCalls;
import io.jynq.device.DeviceMemory;
import io.jynq.ffi.NativeMemory;
import io.jynq.remote.proto.buffer.BufferReadRequest;
import io.jynq.remote.proto.buffer.BufferWriteRequest;
import io.jynq.remote.proto.buffer.BufferWriteResponse;
import io.jynq.remote.proto.buffer.FlushRequest;
import io.jynq.remote.proto.buffer.FreeBufferRequest;
import io.jynq.remote.proto.buffer.InvalidateRequest;
import io.jynq.remote.proto.buffer.RemoteBufferGrpc;
import io.jynq.remote.proto.ext.BufferChunk;
import io.jynq.remote.proto.ext.BufferExtGrpc;
import io.jynq.remote.proto.ext.BufferRange;
import io.jynq.remote.proto.ext.BufferRangeAck;
import io.jynq.device.DeviceException;
import io.jynq.remote.wire.DirectChunks;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.TimeUnit;

/**
 * A contiguous buffer on a remote board with a local copy, as PYNQ's client keeps one: the CPU
 * (a notebook cell, C code through {@link #address()}) works on the local copy; {@link #flush}
 * sends it to the board and cleans the board's cache, {@link #invalidate} invalidates the board's
 * cache and fetches it back. Against a JYNQ server only the range asked for moves, in one call each
 * way; against a stock PYNQ.remote server the whole buffer moves, as PYNQ's client does.
 * {@link #physicalAddress()} is the board's, for DMA descriptors and IP registers.
 */
final class RemoteMemory implements DeviceMemory {
    /** Bytes per message; PYNQ's server and client take up to 4 MiB. */
    static final int CHUNK = 1 << 20;
    /** {@code data} is field 3 of both PYNQ's {@code BufferReadResponse} and JYNQ's {@code BufferChunk}. */
    private static final int DATA_FIELD = 3;
    /** {@code msg}, field 2 of PYNQ's {@code BufferReadResponse}: a failure its server reports in-band. */
    private static final int MSG_FIELD = 2;

    private final BoardConnection c;
    private final String id;
    private final long physicalAddress;
    private final boolean cacheable;
    private final boolean ranged;
    private final ByteBuffer local;
    private final Runnable onClose;
    private volatile boolean closed;

    RemoteMemory(BoardConnection c, String id, int byteSize, long physicalAddress, boolean cacheable, boolean ranged, Runnable onClose) {
        this.c = c;
        this.id = id;
        this.physicalAddress = physicalAddress;
        this.cacheable = cacheable;
        this.ranged = ranged;
        this.onClose = onClose;
        this.local = ByteBuffer.allocateDirect(byteSize).order(ByteOrder.LITTLE_ENDIAN);
    }

    @Override
    public long physicalAddress() {
        return physicalAddress;
    }

    @Override
    public ByteBuffer buffer() {
        checkOpen();
        return local.duplicate().clear().order(ByteOrder.LITTLE_ENDIAN);
    }

    @Override
    public boolean cacheable() {
        return cacheable;
    }

    @Override
    public long address() {
        checkOpen();
        return NativeMemory.addressOf(local);
    }

    @Override
    public long byteSize() {
        return local.capacity();
    }

    @Override
    public void checkOpen() {
        if (closed) {
            throw new IllegalStateException("remote buffer " + id + " on board " + c.address() + " is freed");
        }
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    private String what(String op) {
        return op + " of buffer " + id + " (" + byteSize() + " bytes at 0x" + Long.toHexString(physicalAddress) + ")";
    }

    @Override
    public void flush(long byteOffset, long byteLength) {
        checkRange(byteOffset, byteLength);
        if (ranged) {
            int off = (int) byteOffset;
            int len = (int) byteLength;
            BufferRangeAck ack = Upload.send(c, what("flush"), out -> BufferExtGrpc.newStub(c.channel())
                    .withDeadlineAfter(c.deadlineMillis(len), TimeUnit.MILLISECONDS).writeRange(out), new Iterator<>() {
                        int at;
                        boolean first = true;

                        @Override
                        public boolean hasNext() {
                            return first || at < len;
                        }

                        @Override
                        public BufferChunk next() {
                            if (!hasNext()) {
                                throw new NoSuchElementException();
                            }
                            int n = Math.min(CHUNK, len - at);
                            BufferChunk.Builder b = BufferChunk.newBuilder().setData(slice(off + at, n));
                            if (first) {
                                b.setBufferId(id).setOffset(off).setFlush(true);
                                first = false;
                            }
                            at += n;
                            return b.build();
                        }
                    });
            if (ack.getWritten() != byteLength) {
                throw new DeviceException("board " + c.address() + ": " + what("flush") + " wrote " + ack.getWritten()
                        + " of " + byteLength + " bytes");
            }
            return;
        }
        int size = (int) byteSize();
        BufferWriteResponse r = Upload.send(c, what("write"), out -> RemoteBufferGrpc.newStub(c.channel())
                .withDeadlineAfter(c.deadlineMillis(size), TimeUnit.MILLISECONDS).write(out), new Iterator<>() {
                    int at;
                    boolean first = true;

                    @Override
                    public boolean hasNext() {
                        return first || at < size;
                    }

                    @Override
                    public BufferWriteRequest next() {
                        if (!hasNext()) {
                            throw new NoSuchElementException();
                        }
                        first = false;
                        int n = Math.min(CHUNK, size - at);
                        BufferWriteRequest m = BufferWriteRequest.newBuilder().setBufferId(id).setData(slice(at, n)).build();
                        at += n;
                        return m;
                    }
                });
        if (r.hasMsg() && !r.getMsg().isEmpty()) {
            throw new DeviceException("board " + c.address() + ": " + what("write") + " failed: " + r.getMsg());
        }
        c.call(what("flush"), () -> RemoteBufferGrpc.newBlockingStub(c.channel())
                .withDeadlineAfter(c.deadline(), TimeUnit.MILLISECONDS).flush(FlushRequest.newBuilder().setBufferId(id).build()));
    }

    /** A view of the local copy for a message: no copy (the local copy lives as long as this object). */
    private com.google.protobuf.ByteString slice(int offset, int length) {
        ByteBuffer b = local.duplicate();
        b.position(offset).limit(offset + length);
        return UnsafeByteOperations.unsafeWrap(b.slice());
    }

    /**
     * {@inheritDoc}
     *
     * <p>The board's bytes are written straight into the local copy as they arrive (from the
     * received network buffers, {@link DirectChunks}): invalidating gives up the CPU's view of the
     * range, so a transfer failing halfway (a {@link DeviceException} naming the board) leaves that
     * range partly refreshed, never anything outside it.
     */
    @Override
    public void invalidate(long byteOffset, long byteLength) {
        checkRange(byteOffset, byteLength);
        ByteBuffer dst = local.duplicate();
        long start = ranged ? byteOffset : 0;
        long expected = ranged ? byteLength : byteSize();
        dst.position((int) start).limit((int) (start + expected));
        // chunks go into dst in arrival order: both servers send them in order on one stream
        MethodDescriptor.Marshaller<DirectChunks.Fields> into = DirectChunks.into(dst, DATA_FIELD);
        Iterator<DirectChunks.Fields> chunks;
        if (ranged) {
            MethodDescriptor<BufferRange, DirectChunks.Fields> readRange = BufferExtGrpc.getReadRangeMethod()
                    .toBuilder(BufferExtGrpc.getReadRangeMethod().getRequestMarshaller(), into).build();
            chunks = c.call(what("invalidate"), () -> ClientCalls.blockingServerStreamingCall(c.channel(), readRange,
                    CallOptions.DEFAULT.withDeadlineAfter(c.deadlineMillis(byteLength), TimeUnit.MILLISECONDS),
                    BufferRange.newBuilder().setBufferId(id).setOffset(byteOffset).setLength(byteLength)
                            .setInvalidate(true).build()));
        } else {
            c.call(what("invalidate"), () -> RemoteBufferGrpc.newBlockingStub(c.channel())
                    .withDeadlineAfter(c.deadline(), TimeUnit.MILLISECONDS)
                    .invalidate(InvalidateRequest.newBuilder().setBufferId(id).build()));
            MethodDescriptor<BufferReadRequest, DirectChunks.Fields> read = RemoteBufferGrpc.getReadMethod()
                    .toBuilder(RemoteBufferGrpc.getReadMethod().getRequestMarshaller(), into).build();
            chunks = c.call(what("read"), () -> ClientCalls.blockingServerStreamingCall(c.channel(), read,
                    CallOptions.DEFAULT.withDeadlineAfter(c.deadlineMillis(byteSize()), TimeUnit.MILLISECONDS),
                    BufferReadRequest.newBuilder().setBufferId(id).build()));
        }
        try {
            while (chunks.hasNext()) {
                DirectChunks.Fields f = chunks.next();
                if (!ranged && !f.string(MSG_FIELD).isEmpty()) {
                    throw new DeviceException("board " + c.address() + ": " + what("read") + " failed: " + f.string(MSG_FIELD));
                }
            }
        } catch (StatusRuntimeException e) {
            throw c.translate(what("read"), e);
        }
        if (dst.hasRemaining()) {
            throw new DeviceException("board " + c.address() + ": " + what("read") + " returned " + (dst.position() - start)
                    + " of " + expected + " bytes");
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        onClose.run();
        try {
            RemoteBufferGrpc.newBlockingStub(c.channel()).withDeadlineAfter(c.deadline(), TimeUnit.MILLISECONDS)
                    .freebuffer(FreeBufferRequest.newBuilder().setBufferId(id).build());
        } catch (StatusRuntimeException e) {
            // the board already freed it (its connection ended) or cannot be reached: nothing is held
        }
    }
}
