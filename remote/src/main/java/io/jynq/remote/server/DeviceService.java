package io.jynq.remote.server;

import com.google.protobuf.ByteString;
import io.grpc.stub.StreamObserver;
import io.jynq.remote.proto.device.DownloadRequest;
import io.jynq.remote.proto.device.DownloadResponse;
import io.jynq.remote.proto.device.ExistsFileRequest;
import io.jynq.remote.proto.device.ExistsFileResponse;
import io.jynq.remote.proto.device.ReadFileRequest;
import io.jynq.remote.proto.device.ReadFileResponse;
import io.jynq.remote.proto.device.RemoteDeviceGrpc;
import io.jynq.remote.proto.device.SetBitstreamAttrsRequest;
import io.jynq.remote.proto.device.SetBitstreamAttrsResponse;
import io.jynq.remote.proto.device.SetPlClkRequest;
import io.jynq.remote.proto.device.SetPlClkResponse;
import io.jynq.remote.proto.device.ShutdownRequest;
import io.jynq.remote.proto.device.ShutdownResponse;
import io.jynq.remote.proto.device.WriteFileRequest;
import io.jynq.remote.proto.device.WriteFileResponse;

/**
 * PYNQ.remote's {@code remote_device.RemoteDevice} over a {@link Board}. The file calls work in
 * the board root; writing the FPGA Manager {@code firmware} file programs the PL, as on a PYNQ
 * board. {@code download} stores the stream under the name {@code set_bitstream_attrs} gave and
 * programs it, as PYNQ's server does.
 */
final class DeviceService extends RemoteDeviceGrpc.RemoteDeviceImplBase {
    private final Board board;
    private volatile String binName = "";
    private volatile boolean partial;

    DeviceService(Board board) {
        this.board = board;
    }

    @Override
    public void setBitstreamAttrs(SetBitstreamAttrsRequest request, StreamObserver<SetBitstreamAttrsResponse> out) {
        Errors.unary(out, () -> {
            BoardRoot.normalize(Board.FIRMWARE_DIR + request.getBinfileName()); // refuse "../x" now, not at download
            binName = request.getBinfileName();
            partial = request.getPartial();
            return SetBitstreamAttrsResponse.newBuilder().setStatus(true).build();
        });
    }

    @Override
    public StreamObserver<DownloadRequest> download(StreamObserver<DownloadResponse> out) {
        String name = binName;
        boolean part = partial;
        FileUpload<DownloadRequest> upload = new FileUpload<>(board, r -> r.getBuffer(), () -> {
            board.loadFirmware(name, part);
            out.onNext(DownloadResponse.newBuilder().setStatus(true).build());
            out.onCompleted();
        }, out::onError);
        if (name.isEmpty()) {
            upload.fail(new IllegalStateException("download before set_bitstream_attrs: no firmware name"));
        } else {
            upload.target(Board.FIRMWARE_DIR + name);
        }
        return upload;
    }

    @Override
    public void setPlClk(SetPlClkRequest request, StreamObserver<SetPlClkResponse> out) {
        Errors.unary(out, () -> {
            if (request.getDiv0() > 0 && request.getDiv1() > 0) {
                board.device.setFclkDivisors(request.getI(), request.getDiv0(), request.getDiv1());
            } else if (request.getClkMhz() > 0) {
                board.device.setFclkMhz(request.getI(), request.getClkMhz());
            } else {
                throw new IllegalArgumentException("set_pl_clk needs div0 and div1 (1..63) or clk_mhz > 0");
            }
            return SetPlClkResponse.newBuilder().setStatus(true).build();
        });
    }

    @Override
    public void shutdown(ShutdownRequest request, StreamObserver<ShutdownResponse> out) {
        // the backend quiesces the AXI interfaces itself on every full download (shutdown managers)
        Errors.unary(out, () -> ShutdownResponse.newBuilder().setStatus(true).build());
    }

    @Override
    public void readfile(ReadFileRequest request, StreamObserver<ReadFileResponse> out) {
        byte[] content;
        try {
            content = board.read(request.getFilePath());
        } catch (RuntimeException e) {
            out.onError(Errors.status(e));
            return;
        }
        if (content.length == 0) {
            out.onNext(ReadFileResponse.getDefaultInstance());
            out.onCompleted();
            return;
        }
        ChunkSender.send(out, content.length, off -> ReadFileResponse.newBuilder()
                .setData(ByteString.copyFrom(content, (int) off, (int) Math.min(ChunkSender.CHUNK, content.length - off)))
                .build());
    }

    @Override
    public StreamObserver<WriteFileRequest> writefile(StreamObserver<WriteFileResponse> out) {
        FileUpload<WriteFileRequest> upload = new FileUpload<>(board, WriteFileRequest::getData, () -> {
            out.onNext(WriteFileResponse.getDefaultInstance());
            out.onCompleted();
        }, out::onError);
        upload.pathFrom(WriteFileRequest::getFilePath);
        return upload;
    }

    @Override
    public void existsfile(ExistsFileRequest request, StreamObserver<ExistsFileResponse> out) {
        Errors.unary(out, () -> ExistsFileResponse.newBuilder().setExists(board.exists(request.getFilePath())).build());
    }
}
