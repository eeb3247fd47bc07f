package io.jynq.remote.client;

import io.jynq.device.DeviceException;
import io.jynq.remote.proto.ext.MmioStep;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Register steps on one remote window, sent as one register program: a D2L operation of eight
 * writes and a read costs one round trip instead of nine. Build with {@link #write}, {@link #read},
 * {@link #modify} and {@link #poll}, then {@link #run()}.
 * <pre>{@code
 * long[] r = ((RemoteRegisterSpace) space).batch().write(0x10, a).write(0x18, b).write(0x00, 1)
 *         .poll(0x00, 0x2, 0x2, Duration.ofMillis(100)).read(0x20).run();
 * }</pre>
 * Offsets are bytes in the window; values are 32-bit unless {@code width} 8 is given.
 */
public final class RegisterBatch {
    private final RemoteRegisterSpace window;
    private final List<MmioStep> steps = new ArrayList<>();

    RegisterBatch(RemoteRegisterSpace window) {
        this.window = window;
    }

    /** Writes the 32-bit register at {@code offset}. */
    public RegisterBatch write(long offset, long value) {
        steps.add(step(MmioStep.Op.WRITE, offset, 4, value, 0, 0));
        return this;
    }

    /** Writes {@code width} (4 or 8) bytes at {@code offset}. */
    public RegisterBatch write(long offset, int width, long value) {
        steps.add(step(MmioStep.Op.WRITE, offset, width, value, 0, 0));
        return this;
    }

    /** Reads the 32-bit register at {@code offset} into the next result slot. */
    public RegisterBatch read(long offset) {
        steps.add(step(MmioStep.Op.READ, offset, 4, 0, 0, 0));
        return this;
    }

    /** Sets the bits of {@code mask} in the 32-bit register at {@code offset} to those of {@code value}. */
    public RegisterBatch modify(long offset, long mask, long value) {
        steps.add(step(MmioStep.Op.MODIFY, offset, 4, value, mask, 0));
        return this;
    }

    /** Waits until {@code (register & mask) == (value & mask)}, failing the batch after {@code timeout}. */
    public RegisterBatch poll(long offset, long mask, long value, Duration timeout) {
        steps.add(step(MmioStep.Op.POLL, offset, 4, value, mask, Math.max(1, timeout.toNanos() / 1000)));
        return this;
    }

    /**
     * Runs the steps in order, on the board in one round trip when the server can.
     *
     * @return the values of the reads, in order
     */
    public long[] run() {
        return window.run(steps);
    }

    private static MmioStep step(MmioStep.Op op, long offset, int width, long value, long mask, long timeoutUs) {
        return MmioStep.newBuilder().setOp(op).setOffset(offset).setWidth(width).setValue(value).setMask(mask)
                .setTimeoutUs(timeoutUs).build();
    }

    /** The steps run one call each, for a server without register programs. */
    static long[] runLocally(RemoteRegisterSpace w, List<MmioStep> steps) {
        List<Long> reads = new ArrayList<>();
        for (MmioStep s : steps) {
            switch (s.getOp()) {
                case WRITE -> {
                    if (s.getWidth() == 8) {
                        w.write64(s.getOffset(), s.getValue());
                    } else {
                        w.write32(s.getOffset(), (int) s.getValue());
                    }
                }
                case READ -> reads.add(s.getWidth() == 8 ? w.read64(s.getOffset()) : w.read32(s.getOffset()) & 0xFFFF_FFFFL);
                case MODIFY -> w.write32(s.getOffset(), (int) ((w.read32(s.getOffset()) & ~s.getMask()) | (s.getValue() & s.getMask())));
                case POLL -> {
                    long deadline = System.nanoTime() + s.getTimeoutUs() * 1000;
                    long mask = s.getMask() == 0 ? 0xFFFF_FFFFL : s.getMask();
                    long v;
                    while (((v = w.read32(s.getOffset()) & 0xFFFF_FFFFL) & mask) != (s.getValue() & mask)) {
                        if (System.nanoTime() - deadline >= 0) {
                            throw new DeviceException(String.format("register 0x%x of the window at 0x%x did not reach 0x%x"
                                    + " (mask 0x%x) within %d µs; last read 0x%x", s.getOffset(), w.physicalAddress(),
                                    s.getValue(), mask, s.getTimeoutUs(), v));
                        }
                    }
                }
                default -> throw new IllegalArgumentException("unknown step " + s.getOp());
            }
        }
        return reads.stream().mapToLong(Long::longValue).toArray();
    }
}
