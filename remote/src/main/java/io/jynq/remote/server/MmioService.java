package io.jynq.remote.server;

import com.google.protobuf.ByteString;
import io.grpc.stub.StreamObserver;
import io.jynq.device.RegisterSpace;
import io.jynq.remote.proto.mmio.GetMmioRequest;
import io.jynq.remote.proto.mmio.GetMmioResponse;
import io.jynq.remote.proto.mmio.MmioGrpc;
import io.jynq.remote.proto.mmio.ReadRequest;
import io.jynq.remote.proto.mmio.ReadResponse;
import io.jynq.remote.proto.mmio.WriteRequest;
import io.jynq.remote.proto.mmio.WriteResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.NoSuchElementException;
import java.util.function.Function;

/**
 * PYNQ.remote's {@code mmio.Mmio} over a {@link Board}. As PYNQ's client expects: a refused window
 * or a bad access is answered with {@code msg} set (the client raises it), an unknown window id
 * with NOT_FOUND. A read returns the 32-bit word at the offset (of a 1- or 2-byte read, its low
 * bytes; of an 8-byte read, the low word, as PYNQ's server does: {@code MmioExt} reads 64 bits);
 * a write stores every 32-bit little-endian word of {@code data} from the offset on, where PYNQ's
 * server stores only the first.
 */
final class MmioService extends MmioGrpc.MmioImplBase {
    private final Board board;

    MmioService(Board board) {
        this.board = board;
    }

    @Override
    public void getMmio(GetMmioRequest request, StreamObserver<GetMmioResponse> out) {
        GetMmioResponse.Builder r = GetMmioResponse.newBuilder();
        try {
            r.setMmioId(board.openWindow(Sessions.current(), request.getBaseAddr(), request.getLength())).setStatus(true);
        } catch (RuntimeException e) {
            r.setStatus(false).setMsg(Errors.message(e));
        }
        out.onNext(r.build());
        out.onCompleted();
    }

    @Override
    public void read(ReadRequest request, StreamObserver<ReadResponse> out) {
        access(request.getMmioId(), out, w -> {
            long offset = request.getOffset();
            long length = request.getLength() == 0 ? 4 : request.getLength();
            if (offset % 4 != 0 || offset < 0) {
                throw new IllegalArgumentException("unaligned read at offset " + offset + ": it must be a multiple of 4");
            }
            if (length != 1 && length != 2 && length != 4 && length != 8) {
                throw new IllegalArgumentException("MMIO reads are 1, 2, 4 or 8 bytes, not " + length);
            }
            int word = w.read32(offset);
            int value = length == 1 ? word & 0xFF : length == 2 ? word & 0xFFFF : word;
            return ReadResponse.newBuilder().setStatus(true).setData(value).build();
        }, msg -> ReadResponse.newBuilder().setStatus(false).setMsg(msg).build());
    }

    @Override
    public void write(WriteRequest request, StreamObserver<WriteResponse> out) {
        access(request.getMmioId(), out, w -> {
            ByteString data = request.getData();
            long offset = request.getOffset();
            if (data.isEmpty() || data.size() % 4 != 0 || offset % 4 != 0 || offset < 0) {
                throw new IllegalArgumentException("MMIO writes are whole 32-bit words at a multiple of 4: got "
                        + data.size() + " bytes at offset " + offset);
            }
            if (offset + data.size() > w.byteSize()) {
                throw new IndexOutOfBoundsException(data.size() + " bytes at offset " + offset
                        + " run past the " + w.byteSize() + "-byte window");
            }
            ByteBuffer words = data.asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
            for (int i = 0; i < data.size(); i += 4) {
                w.write32(offset + i, words.getInt(i));
            }
            return WriteResponse.newBuilder().setStatus(true).build();
        }, msg -> WriteResponse.newBuilder().setStatus(false).setMsg(msg).build());
    }

    /**
     * One register access as PYNQ's client expects it answered: an unknown window id fails the
     * call with NOT_FOUND; otherwise {@code body}'s reply, or, when the access throws, the reply
     * {@code failed} makes of the exception's message (PYNQ's client raises {@code msg}).
     */
    private <R> void access(String mmioId, StreamObserver<R> out, Function<RegisterSpace, R> body, Function<String, R> failed) {
        RegisterSpace w;
        try {
            w = board.window(Sessions.current(), mmioId);
        } catch (NoSuchElementException e) {
            out.onError(Errors.status(e));
            return;
        }
        R reply;
        try {
            reply = body.apply(w);
        } catch (RuntimeException e) {
            reply = failed.apply(Errors.message(e));
        }
        out.onNext(reply);
        out.onCompleted();
    }
}
