package io.jynq.device;

import java.time.Duration;
import java.util.Objects;

/**
 * One step of a register program that {@link RegisterSpace#runProgram} runs as a unit: a write, a
 * read, a masked read-modify-write or a poll, at a byte offset of the window, 4 or 8 bytes wide.
 *
 * @param kind    what the step does
 * @param offset  bytes from the window's base, aligned to {@code width}
 * @param width   bytes: 4 or 8
 * @param value   WRITE: the value; MODIFY: the new bits (inside {@code mask}); POLL: the value waited
 *                for (inside {@code mask})
 * @param mask    MODIFY and POLL: the bits concerned; 0 otherwise
 * @param timeout POLL: how long to wait before the program fails; {@link Duration#ZERO} otherwise
 */
public record RegisterOp(Kind kind, long offset, int width, long value, long mask, Duration timeout) {
    /** What a step does. */
    public enum Kind { WRITE, READ, MODIFY, POLL }

    public RegisterOp {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(timeout, "timeout");
        if (width != 4 && width != 8) {
            throw new IllegalArgumentException("a register program step is 4 or 8 bytes wide, not " + width);
        }
    }

    public static RegisterOp write(long offset, int width, long value) {
        return new RegisterOp(Kind.WRITE, offset, width, value, 0, Duration.ZERO);
    }

    public static RegisterOp read(long offset, int width) {
        return new RegisterOp(Kind.READ, offset, width, 0, 0, Duration.ZERO);
    }

    public static RegisterOp modify(long offset, int width, long mask, long bits) {
        return new RegisterOp(Kind.MODIFY, offset, width, bits & mask, mask, Duration.ZERO);
    }

    public static RegisterOp poll(long offset, int width, long mask, long value, Duration timeout) {
        return new RegisterOp(Kind.POLL, offset, width, value & mask, mask, timeout);
    }
}
