package io.jynq.remote.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.google.protobuf.InvalidProtocolBufferException;
import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import io.jynq.device.sim.SimConfig;
import io.jynq.device.sim.SimDevice;
import io.jynq.remote.proto.buffer.AllocateRequest;
import io.jynq.remote.proto.buffer.BufferReadRequest;
import io.jynq.remote.proto.buffer.BufferWriteRequest;
import io.jynq.remote.proto.buffer.FlushRequest;
import io.jynq.remote.proto.device.ExistsFileRequest;
import io.jynq.remote.proto.device.ReadFileRequest;
import io.jynq.remote.proto.device.SetBitstreamAttrsRequest;
import io.jynq.remote.proto.device.WriteFileRequest;
import io.jynq.remote.proto.ext.BufferRange;
import io.jynq.remote.proto.ext.MmioAccess;
import io.jynq.remote.proto.ext.MmioProgram;
import io.jynq.remote.proto.ext.SimInvoke;
import io.jynq.remote.proto.ext.SimModelRequest;
import io.jynq.remote.proto.ext.SimRun;
import io.jynq.remote.proto.mmio.GetMmioRequest;
import io.jynq.remote.proto.mmio.ReadRequest;
import io.jynq.remote.proto.mmio.WriteRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * Jazzer fuzzing of the board server's request handling: the first byte picks a call, the rest is
 * its request message as a client could send it. A normal run replays the seeds under
 * {@code src/test/resources/io/jynq/remote/server/BoardServerFuzzTestInputs/fuzzRequests/};
 * {@code JAZZER_FUZZ=1} runs a campaign. Every call must end with exactly one answer or one
 * classified status (never INTERNAL or UNKNOWN: an unexpected exception), and nothing may appear
 * outside the board root.
 */
class BoardServerFuzzTest {
    private static final Path DIR;
    private static final Board BOARD;
    private static final Session SESSION = new Session("fuzz", 999_999); // ids w999999.1 (SLCR window), b999999.2 (4 KiB buffer)
    private static final DeviceService DEVICE;
    private static final MmioService MMIO;
    private static final BufferService BUFFER;
    private static final ExtensionServices.MmioExtService MMIO_EXT;
    private static final ExtensionServices.BufferExtService BUFFER_EXT;
    private static final SimControlService SIM;

    static {
        try {
            DIR = Files.createTempDirectory("jynq-board-fuzz");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        SimDevice sim = SimDevice.open(SimConfig.at(DIR.resolve("board")).withDdrBytes(16L << 20));
        Limits small = new Limits(1 << 20, 1 << 16, 1 << 20, 1 << 16, 64, 64, 5);
        BOARD = new Board(sim, new BoardRoot(DIR.resolve("root")), new DesignLocator(List.of()), small, false, "armv7l", "fuzz");
        DEVICE = new DeviceService(BOARD);
        MMIO = new MmioService(BOARD);
        BUFFER = new BufferService(BOARD);
        MMIO_EXT = new ExtensionServices.MmioExtService(BOARD);
        BUFFER_EXT = new ExtensionServices.BufferExtService(BOARD);
        SIM = new SimControlService(BOARD);
        // a design for the simulator's controls to reach (its models by IP name)
        io.jynq.overlay.Overlay.load("dsp_loopback", io.jynq.overlay.LoadOptions.defaults().withDevice(sim));
        // one window and one buffer for the fuzzer to hit by id
        Sessions.runAs(SESSION, () -> {
            BOARD.openWindow(SESSION, PsClockWindow.SLCR, 0x200);
            BOARD.allocate(SESSION, 4096, true);
        });
    }

    @FuzzTest(maxDuration = "60s")
    void fuzzRequests(byte[] data) throws Exception {
        if (data.length == 0) {
            return;
        }
        byte[] m = Arrays.copyOfRange(data, 1, data.length);
        Answer<Object> out = new Answer<>();
        try {
            Sessions.runAs(SESSION, () -> {
                try {
                    dispatch(data[0] & 0xFF, m, out);
                } catch (InvalidProtocolBufferException e) {
                    out.onCompleted(); // not a message: gRPC would refuse it before any handler
                }
            });
        } finally {
            if (SESSION.buffers.size() > 8) {
                SESSION.buffers.values().forEach(b -> b.close());
                SESSION.buffers.clear();
            }
        }
        assertEquals(1, out.ends, "one answer or one status per call");
        if (out.status != null) {
            assertNotEquals(Status.Code.INTERNAL, out.status.getCode(), String.valueOf(out.status));
            assertNotEquals(Status.Code.UNKNOWN, out.status.getCode(), String.valueOf(out.status));
        }
        try (Stream<Path> top = Files.list(DIR)) {
            assertTrue(top.allMatch(p -> p.endsWith("board") || p.endsWith("root")), "nothing outside the board root");
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void dispatch(int which, byte[] m, Answer out) throws InvalidProtocolBufferException {
        switch (which % 18) {
            case 0 -> DEVICE.readfile(ReadFileRequest.parseFrom(m), out);
            case 1 -> DEVICE.existsfile(ExistsFileRequest.parseFrom(m), out);
            case 2 -> stream(DEVICE.writefile(out), WriteFileRequest.parseFrom(m));
            case 3 -> DEVICE.setBitstreamAttrs(SetBitstreamAttrsRequest.parseFrom(m), out);
            case 4 -> MMIO.getMmio(GetMmioRequest.parseFrom(m), out);
            case 5 -> MMIO.read(ReadRequest.parseFrom(m), out);
            case 6 -> MMIO.write(WriteRequest.parseFrom(m), out);
            case 7 -> BUFFER.allocate(AllocateRequest.parseFrom(m), out);
            case 8 -> BUFFER.read(BufferReadRequest.parseFrom(m), out);
            case 9 -> stream(BUFFER.write(out), BufferWriteRequest.parseFrom(m));
            case 10 -> BUFFER.flush(FlushRequest.parseFrom(m), out);
            case 11 -> MMIO_EXT.read(MmioAccess.parseFrom(m), out);
            case 12 -> MMIO_EXT.run(MmioProgram.parseFrom(m), out);
            case 13 -> BUFFER_EXT.readRange(BufferRange.parseFrom(m), out);
            case 14 -> stream(BUFFER_EXT.writeRangeDirect(out), new java.io.ByteArrayInputStream(m)); // unparsed: read in place
            case 15 -> SIM.invoke(SimInvoke.parseFrom(m), out);
            case 16 -> SIM.model(SimModelRequest.parseFrom(m), out);
            default -> SIM.run(SimRun.parseFrom(m), out);
        }
    }

    private static <T> void stream(StreamObserver<T> requests, T message) {
        requests.onNext(message);
        requests.onCompleted();
    }

    /** A response observer that is always ready and counts how the call ended. */
    static final class Answer<T> extends ServerCallStreamObserver<T> {
        int ends;
        Status status;
        int messages;

        @Override
        public void onNext(T value) {
            messages++;
        }

        @Override
        public void onError(Throwable t) {
            ends++;
            status = Status.fromThrowable(t);
        }

        @Override
        public void onCompleted() {
            ends++;
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public boolean isCancelled() {
            return false;
        }

        @Override
        public void setOnReadyHandler(Runnable r) {}

        @Override
        public void setOnCancelHandler(Runnable r) {}

        @Override
        public void disableAutoInboundFlowControl() {}

        @Override
        public void request(int count) {}

        @Override
        public void setMessageCompression(boolean enable) {}

        @Override
        public void setCompression(String compression) {}
    }
}
