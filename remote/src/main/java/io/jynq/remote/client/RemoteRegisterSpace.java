package io.jynq.remote.client;

import com.google.protobuf.ByteString;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.jynq.device.DeviceException;
import io.jynq.device.PlState;
import io.jynq.device.RegisterOp;
import io.jynq.device.RegisterSpace;
import io.jynq.remote.proto.ext.MmioAccess;
import io.jynq.remote.proto.ext.MmioExtGrpc;
import io.jynq.remote.proto.ext.MmioProgram;
import io.jynq.remote.proto.ext.MmioRelease;
import io.jynq.remote.proto.ext.MmioStep;
import io.jynq.remote.proto.mmio.GetMmioRequest;
import io.jynq.remote.proto.mmio.GetMmioResponse;
import io.jynq.remote.proto.mmio.MmioGrpc;
import io.jynq.remote.proto.mmio.ReadRequest;
import io.jynq.remote.proto.mmio.ReadResponse;
import io.jynq.remote.proto.mmio.WriteRequest;
import io.jynq.remote.proto.mmio.WriteResponse;
import io.jynq.remote.wire.PlStates;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * A register window on a remote board: each access is one round trip. 32-bit accesses use
 * PYNQ.remote's {@code mmio} calls, which every server has; 8-, 16- and 64-bit accesses use JYNQ's
 * {@code MmioExt} when the server offers it, else whole 32-bit words (a read-modify-write for a
 * narrow write, two words low first for 64 bits, as on a 32-bit bus). A window the board forgot
 * (the connection dropped and came back) is opened again once, transparently.
 */
public final class RemoteRegisterSpace implements RegisterSpace {
    private final BoardConnection c;
    private final long base;
    private final long length;
    private final boolean extended;
    private final Supplier<PlState> designExpected;
    private volatile String id;

    /**
     * @param designExpected the PL state a register program expects on the board (null inside:
     *     none yet), or null when the server does not check it ({@code program_expect})
     */
    RemoteRegisterSpace(BoardConnection c, long base, long length, boolean extended, Supplier<PlState> designExpected) {
        this.c = c;
        this.base = base;
        this.length = length;
        this.extended = extended;
        this.designExpected = designExpected;
        this.id = open();
    }

    private String open() {
        GetMmioResponse r = c.call(what("open"), () -> MmioGrpc.newBlockingStub(c.channel())
                .withDeadlineAfter(c.deadline(), TimeUnit.MILLISECONDS)
                .getMmio(GetMmioRequest.newBuilder().setBaseAddr(base).setLength(length).build()));
        if (r.hasMsg() && !r.getMsg().isEmpty() || !r.hasMmioId()) {
            throw new DeviceException("board " + c.address() + ": MMIO window 0x" + Long.toHexString(base) + "+0x"
                    + Long.toHexString(length) + " refused: " + (r.hasMsg() ? r.getMsg() : "no window id"));
        }
        return r.getMmioId();
    }

    private String what(String op) {
        return "MMIO " + op + " at 0x" + Long.toHexString(base);
    }

    /** Runs {@code call}; when the board no longer knows the window, opens it again and retries once. */
    private <T> T withWindow(String op, Supplier<T> call) {
        try {
            return call.get();
        } catch (StatusRuntimeException e) {
            if (e.getStatus().getCode() != Status.Code.NOT_FOUND) {
                throw c.translate(what(op), e);
            }
        }
        id = open();
        return c.call(what(op), call);
    }

    @Override
    public long physicalAddress() {
        return base;
    }

    @Override
    public long byteSize() {
        return length;
    }

    @Override
    public int read32(long offset) {
        checkAccess(offset, 4);
        ReadResponse r = withWindow("read", () -> MmioGrpc.newBlockingStub(c.channel())
                .withDeadlineAfter(c.deadline(), TimeUnit.MILLISECONDS)
                .read(ReadRequest.newBuilder().setMmioId(id).setOffset(offset).setLength(4).setWordOrder("little").build()));
        if (r.hasMsg() && !r.getMsg().isEmpty()) {
            throw new DeviceException("board " + c.address() + ": " + what("read") + "+0x" + Long.toHexString(offset) + ": " + r.getMsg());
        }
        return r.getData();
    }

    @Override
    public void write32(long offset, int value) {
        checkAccess(offset, 4);
        byte[] b = {(byte) value, (byte) (value >>> 8), (byte) (value >>> 16), (byte) (value >>> 24)};
        WriteResponse r = withWindow("write", () -> MmioGrpc.newBlockingStub(c.channel())
                .withDeadlineAfter(c.deadline(), TimeUnit.MILLISECONDS)
                .write(WriteRequest.newBuilder().setMmioId(id).setOffset(offset).setData(ByteString.copyFrom(b)).build()));
        if (r.hasMsg() && !r.getMsg().isEmpty()) {
            throw new DeviceException("board " + c.address() + ": " + what("write") + "+0x" + Long.toHexString(offset) + ": " + r.getMsg());
        }
    }

    private long extRead(long offset, int width) {
        return withWindow("read", () -> MmioExtGrpc.newBlockingStub(c.channel())
                .withDeadlineAfter(c.deadline(), TimeUnit.MILLISECONDS)
                .read(MmioAccess.newBuilder().setMmioId(id).setOffset(offset).setWidth(width).build())).getValue();
    }

    private void extWrite(long offset, int width, long value) {
        withWindow("write", () -> MmioExtGrpc.newBlockingStub(c.channel())
                .withDeadlineAfter(c.deadline(), TimeUnit.MILLISECONDS)
                .write(MmioAccess.newBuilder().setMmioId(id).setOffset(offset).setWidth(width).setValue(value).build()));
    }

    @Override
    public byte read8(long offset) {
        checkAccess(offset, 1);
        return extended ? (byte) extRead(offset, 1) : (byte) (read32(offset & ~3L) >>> (8 * (offset & 3)));
    }

    @Override
    public short read16(long offset) {
        checkAccess(offset, 2);
        return extended ? (short) extRead(offset, 2) : (short) (read32(offset & ~3L) >>> (8 * (offset & 2)));
    }

    @Override
    public long read64(long offset) {
        checkAccess(offset, 8);
        return extended ? extRead(offset, 8) : (read32(offset) & 0xFFFF_FFFFL) | (long) read32(offset + 4) << 32;
    }

    @Override
    public void write8(long offset, byte value) {
        checkAccess(offset, 1);
        if (extended) {
            extWrite(offset, 1, value & 0xFF);
            return;
        }
        int shift = (int) (8 * (offset & 3));
        write32(offset & ~3L, (read32(offset & ~3L) & ~(0xFF << shift)) | (value & 0xFF) << shift);
    }

    @Override
    public void write16(long offset, short value) {
        checkAccess(offset, 2);
        if (extended) {
            extWrite(offset, 2, value & 0xFFFF);
            return;
        }
        int shift = (int) (8 * (offset & 2));
        write32(offset & ~3L, (read32(offset & ~3L) & ~(0xFFFF << shift)) | (value & 0xFFFF) << shift);
    }

    @Override
    public void write64(long offset, long value) {
        checkAccess(offset, 8);
        if (extended) {
            extWrite(offset, 8, value);
            return;
        }
        write32(offset, (int) value);
        write32(offset + 4, (int) (value >>> 32));
    }

    /**
     * Runs register steps on the board in one round trip when the server offers register programs,
     * else one call per step (the same results, more round trips).
     *
     * @param steps the steps; a step's window id is ignored (this window is used)
     * @return the values of the READ steps, in order
     * @throws io.jynq.device.DeviceException if a poll times out on the board (its message gives the last value)
     */
    public long[] run(List<MmioStep> steps) {
        Objects.requireNonNull(steps, "steps");
        if (extended) {
            PlState expect = designExpected == null ? null : designExpected.get();
            return withWindow("program", () -> {
                MmioProgram.Builder p = MmioProgram.newBuilder().setMmioId(id).addAllSteps(steps);
                if (expect != null) {
                    p.setExpect(PlStates.toProto(expect));
                }
                return MmioExtGrpc.newBlockingStub(c.channel()).withDeadlineAfter(c.deadline(), TimeUnit.MILLISECONDS).run(p.build());
            }).getReadsList().stream().mapToLong(Long::longValue).toArray();
        }
        return RegisterBatch.runLocally(this, steps);
    }

    /** True against a JYNQ board server: {@link #runProgram} is then one round trip. */
    @Override
    public boolean runsPrograms() {
        return extended;
    }

    /**
     * True against a JYNQ board server: each program carries the PL state this client's download
     * left on the board, and the board refuses it (a {@link DeviceException} saying "stale design"
     * and what the PL holds) once another client downloaded since.
     */
    @Override
    public boolean refusesStaleDesign() {
        return extended && designExpected != null;
    }

    /**
     * Runs the steps on the board in one round trip ({@code MmioExt.run}); a D2L register program
     * comes here through the overlay layer.
     *
     * @throws UnsupportedOperationException against a stock PYNQ.remote server
     * @throws io.jynq.error.HardwareTimeoutException if a poll times out on the board
     */
    @Override
    public long[] runProgram(List<RegisterOp> ops) {
        if (!extended) {
            return RegisterSpace.super.runProgram(ops);
        }
        List<MmioStep> steps = new java.util.ArrayList<>(ops.size());
        for (RegisterOp op : ops) {
            steps.add(MmioStep.newBuilder().setOp(switch (op.kind()) {
                case WRITE -> MmioStep.Op.WRITE;
                case READ -> MmioStep.Op.READ;
                case MODIFY -> MmioStep.Op.MODIFY;
                case POLL -> MmioStep.Op.POLL;
            }).setOffset(op.offset()).setWidth(op.width()).setValue(op.value()).setMask(op.mask())
                    .setTimeoutUs(Math.max(op.kind() == RegisterOp.Kind.POLL ? 1 : 0, op.timeout().toNanos() / 1000)).build());
        }
        return run(steps);
    }

    /** A batch of steps on this window, run by {@link RegisterBatch#run()}. */
    public RegisterBatch batch() {
        return new RegisterBatch(this);
    }

    /** Frees the window on the board (JYNQ servers; a stock PYNQ.remote server keeps it). */
    void release() {
        if (extended) {
            try {
                MmioExtGrpc.newBlockingStub(c.channel()).withDeadlineAfter(c.deadline(), TimeUnit.MILLISECONDS)
                        .release(MmioRelease.newBuilder().setMmioId(id).build());
            } catch (StatusRuntimeException e) {
                // the connection is gone, and the window with it
            }
        }
    }
}
