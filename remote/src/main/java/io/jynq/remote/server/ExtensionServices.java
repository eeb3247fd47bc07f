package io.jynq.remote.server;

import io.grpc.Context;
import io.grpc.MethodDescriptor;
import io.grpc.ServerMethodDefinition;
import io.grpc.ServerServiceDefinition;
import io.grpc.stub.ServerCalls;
import io.grpc.stub.StreamObserver;
import io.jynq.device.DeviceMemory;
import io.jynq.device.IrqLine;
import io.jynq.device.MemoryStats;
import io.jynq.device.PlState;
import io.jynq.device.RegisterSpace;
import io.jynq.remote.proto.ext.BoardGrpc;
import io.jynq.remote.proto.ext.BufferChunk;
import io.jynq.remote.proto.ext.BufferExtGrpc;
import io.jynq.remote.proto.ext.BufferRange;
import io.jynq.remote.proto.ext.BufferRangeAck;
import io.jynq.remote.proto.ext.HealthRequest;
import io.jynq.remote.proto.ext.HealthResponse;
import io.jynq.remote.proto.ext.HelloRequest;
import io.jynq.remote.proto.ext.HelloResponse;
import io.jynq.remote.proto.ext.InterruptEvent;
import io.jynq.remote.proto.ext.InterruptWait;
import io.jynq.remote.proto.ext.InterruptsGrpc;
import io.jynq.remote.proto.ext.MmioAccess;
import io.jynq.remote.proto.ext.MmioExtGrpc;
import io.jynq.remote.proto.ext.MmioProgram;
import io.jynq.remote.proto.ext.MmioProgramResult;
import io.jynq.remote.proto.ext.MmioRelease;
import io.jynq.remote.proto.ext.MmioValue;
import io.jynq.remote.proto.ext.PlClockRequest;
import io.jynq.remote.proto.ext.PlClockResponse;
import io.jynq.remote.proto.ext.PlStateRequest;
import io.jynq.remote.proto.ext.PlStateResponse;
import io.jynq.remote.wire.DirectChunks;
import io.jynq.remote.wire.PlStates;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * JYNQ's extension services ({@code jynq_remote.proto}) over a {@link Board}: separate services, so
 * PYNQ's messages stay untouched. Every failure is a gRPC status naming the cause.
 */
final class ExtensionServices {
    /** What {@code hello} offers; a client uses a feature only when listed. */
    static final List<String> FEATURES = List.of("mmio64", "mmio_program", "program_expect", "buffer_range", "interrupts",
            "pl_state", "clocks");

    private ExtensionServices() {}

    /** Protocol, PL state, health and clocks. */
    static final class BoardService extends BoardGrpc.BoardImplBase {
        private final Board board;

        BoardService(Board board) {
            this.board = board;
        }

        @Override
        public void hello(HelloRequest request, StreamObserver<HelloResponse> out) {
            Errors.unary(out, () -> HelloResponse.newBuilder().setProtocol(1).setBackend(board.device.name())
                    .setArch(board.arch).setBoard(board.boardName).addAllFeatures(FEATURES)
                    // the simulator's controls only where there is a simulator
                    .addAllFeatures(board.device instanceof io.jynq.device.sim.SimControls ? List.of("sim") : List.of()).build());
        }

        @Override
        public void plState(PlStateRequest request, StreamObserver<PlStateResponse> out) {
            Errors.unary(out, () -> {
                return PlStates.toProto(board.plState());
            });
        }

        @Override
        public void health(HealthRequest request, StreamObserver<HealthResponse> out) {
            Errors.unary(out, () -> {
                MemoryStats m = board.device.memoryStats();
                Session s = Sessions.current();
                return HealthResponse.newBuilder().setMemoryTotal(m.totalBytes()).setMemoryUsed(m.usedBytes())
                        .setLargestFreeBlock(m.largestFreeBlock()).setLiveBuffers(m.liveBuffers())
                        .setSessions(board.sessions.size()).setSessionBuffers(s.buffers.size())
                        .setSessionWindows(s.windows.size())
                        .setUptimeMs(Duration.between(board.started, Instant.now()).toMillis()).build();
            });
        }

        @Override
        public void plClock(PlClockRequest request, StreamObserver<PlClockResponse> out) {
            Errors.unary(out, () -> {
                int i = (int) Math.min(request.getIndex(), Integer.MAX_VALUE);
                if (request.getDivisor0() != 0 || request.getDivisor1() != 0) {
                    board.device.setFclkDivisors(i, (int) Math.min(request.getDivisor0(), 64), (int) Math.min(request.getDivisor1(), 64));
                }
                PlClockResponse.Builder r = PlClockResponse.newBuilder().setMhz(board.device.fclkMhz(i));
                try {
                    r.setSourceMhz(board.device.fclkSourceMhz(i)).setCpuMhz(board.device.cpuMhz());
                } catch (UnsupportedOperationException e) {
                    // the backend does not know its PLLs: 0 says so
                }
                return r.build();
            });
        }
    }

    /** Unsigned and 64-bit register access, register programs, window release. */
    static final class MmioExtService extends MmioExtGrpc.MmioExtImplBase {
        private final Board board;

        MmioExtService(Board board) {
            this.board = board;
        }

        @Override
        public void read(MmioAccess request, StreamObserver<MmioValue> out) {
            Errors.unary(out, () -> {
                RegisterSpace w = board.window(Sessions.current(), request.getMmioId());
                return MmioValue.newBuilder().setValue(RegisterPrograms.read(w, request.getOffset(), request.getWidth())).build();
            });
        }

        @Override
        public void write(MmioAccess request, StreamObserver<MmioValue> out) {
            Errors.unary(out, () -> {
                RegisterSpace w = board.window(Sessions.current(), request.getMmioId());
                RegisterPrograms.write(w, request.getOffset(), request.getWidth(), request.getValue());
                return MmioValue.getDefaultInstance();
            });
        }

        @Override
        public void run(MmioProgram request, StreamObserver<MmioProgramResult> out) {
            Errors.unary(out, () -> RegisterPrograms.run(board, Sessions.current(), request));
        }

        @Override
        public void release(MmioRelease request, StreamObserver<MmioValue> out) {
            Errors.unary(out, () -> MmioValue.newBuilder()
                    .setValue(board.releaseWindow(Sessions.current(), request.getMmioId()) ? 1 : 0).build());
        }
    }

    /** Ranged buffer reads and writes with the cache operation folded in. */
    static final class BufferExtService extends BufferExtGrpc.BufferExtImplBase {
        private final Board board;

        BufferExtService(Board board) {
            this.board = board;
        }

        @Override
        public void readRange(BufferRange request, StreamObserver<BufferChunk> out) {
            DeviceMemory mem;
            long offset = request.getOffset();
            long length = request.getLength();
            try {
                mem = board.buffer(Sessions.current(), request.getBufferId());
                mem.checkRange(offset, length);
                if (request.getInvalidate()) {
                    mem.invalidate(offset, length);
                }
            } catch (RuntimeException e) {
                out.onError(Errors.status(e));
                return;
            }
            if (length == 0) {
                out.onCompleted();
                return;
            }
            ChunkSender.send(out, length, off -> BufferChunk.newBuilder().setOffset(offset + off)
                    .setData(BufferService.view(mem, offset + off, (int) Math.min(ChunkSender.CHUNK, length - off))).build());
        }

        /**
         * The service, with {@code write_range} reading each chunk straight from the transport into
         * the board's buffer ({@link DirectChunks}) instead of through a parsed message.
         */
        ServerServiceDefinition definition() {
            MethodDescriptor<BufferChunk, BufferRangeAck> generated = BufferExtGrpc.getWriteRangeMethod();
            MethodDescriptor<InputStream, BufferRangeAck> raw = generated.toBuilder(UNPARSED, generated.getResponseMarshaller()).build();
            ServerServiceDefinition.Builder b = ServerServiceDefinition.builder(BufferExtGrpc.SERVICE_NAME);
            for (ServerMethodDefinition<?, ?> m : bindService().getMethods()) {
                if (!m.getMethodDescriptor().getFullMethodName().equals(generated.getFullMethodName())) {
                    b.addMethod(m);
                }
            }
            return b.addMethod(raw, ServerCalls.asyncClientStreamingCall(this::writeRangeDirect)).build();
        }

        /**
         * A request left as the transport's stream: grpc parses a request and hands it to the
         * handler in one step, closing the stream only after the handler's {@code onNext} returns,
         * so the handler reads it in place.
         */
        private static final MethodDescriptor.Marshaller<InputStream> UNPARSED = new MethodDescriptor.Marshaller<>() {
            @Override
            public InputStream stream(InputStream value) {
                return value;
            }

            @Override
            public InputStream parse(InputStream stream) {
                return stream;
            }
        };

        /**
         * {@code write_range}: the first chunk's {@code buffer_id}, {@code offset} and {@code flush}
         * (fields 1, 2, 4 of {@code BufferChunk}) say where; every chunk's {@code data} (field 3)
         * is copied into the buffer as it is read.
         */
        StreamObserver<InputStream> writeRangeDirect(StreamObserver<BufferRangeAck> out) {
            Session session = Sessions.current();
            return new StreamObserver<>() {
                private DeviceMemory mem;
                private ByteBuffer target;
                private long start;
                private boolean flush;
                private Throwable problem;

                private ByteBuffer open(DirectChunks.Fields first) {
                    if (mem == null) {
                        DeviceMemory m = board.buffer(session, first.string(1));
                        m.checkRange(first.varint(2), 0);
                        start = first.varint(2);
                        target = m.buffer();
                        target.position((int) start);
                        mem = m;
                    }
                    return target;
                }

                @Override
                public void onNext(InputStream chunk) {
                    if (problem != null) {
                        return;
                    }
                    boolean first = mem == null;
                    try {
                        DirectChunks.Fields f = DirectChunks.read(chunk, 3, (before, length) -> {
                            ByteBuffer t = open(before);
                            if (length > t.remaining()) {
                                throw new IndexOutOfBoundsException("write_range runs past the end of the "
                                        + mem.byteSize() + "-byte buffer " + before.string(1));
                            }
                            return t;
                        });
                        open(f); // a first chunk without data still names the buffer
                        if (first) {
                            flush = f.varint(4) != 0;
                        }
                    } catch (IOException e) {
                        problem = new IllegalArgumentException("write_range: malformed chunk: " + e.getMessage(), e);
                    } catch (RuntimeException e) {
                        problem = e;
                    }
                }

                @Override
                public void onError(Throwable t) {
                    // the client went away; nothing to answer
                }

                @Override
                public void onCompleted() {
                    if (problem == null && mem != null && flush) {
                        try {
                            mem.flush(start, target.position() - start);
                        } catch (RuntimeException e) {
                            problem = e;
                        }
                    }
                    if (problem != null) {
                        out.onError(Errors.status(problem));
                        return;
                    }
                    out.onNext(BufferRangeAck.newBuilder().setWritten(mem == null ? 0 : target.position() - start).build());
                    out.onCompleted();
                }
            };
        }
    }

    /** Interrupt waits: one event when the line is asserted, or none before the deadline. */
    static final class InterruptService extends InterruptsGrpc.InterruptsImplBase {
        private static final Duration SLICE = Duration.ofMillis(50);
        private final Board board;

        InterruptService(Board board) {
            this.board = board;
        }

        @Override
        public void wait(InterruptWait request, StreamObserver<InterruptEvent> out) {
            try {
                int irq = (int) Math.min(request.getIrq(), Integer.MAX_VALUE);
                IrqLine line = board.device.irq(irq);
                long waitMs = Math.min(request.getTimeoutMs(), board.limits.maxWaitMillis());
                long deadline = System.nanoTime() + waitMs * 1_000_000L;
                Context ctx = Context.current();
                boolean asserted = false;
                // wait in slices so a cancelled call (the client's stop button) frees the thread soon
                while (!ctx.isCancelled()) {
                    long left = deadline - System.nanoTime();
                    if (line.await(Duration.ofNanos(Math.max(0, Math.min(left, SLICE.toNanos()))))) {
                        asserted = true;
                        break;
                    }
                    if (left <= 0) {
                        break;
                    }
                }
                if (ctx.isCancelled()) {
                    return;
                }
                out.onNext(InterruptEvent.newBuilder().setIrq(irq).setAsserted(asserted).build());
                out.onCompleted();
            } catch (RuntimeException e) {
                out.onError(Errors.status(e));
            }
        }
    }
}
