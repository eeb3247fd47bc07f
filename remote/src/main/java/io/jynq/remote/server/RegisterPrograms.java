package io.jynq.remote.server;

import io.jynq.error.HardwareTimeoutException;
import io.jynq.device.PlState;
import io.jynq.device.RegisterSpace;
import io.jynq.remote.proto.ext.MmioProgram;
import io.jynq.remote.proto.ext.MmioProgramResult;
import io.jynq.remote.proto.ext.MmioStep;
import io.jynq.remote.proto.ext.PlStateResponse;
import io.jynq.remote.wire.PlStates;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

/**
 * Runs a register program ({@code MmioExt.run}) on the board: every step of a D2L operation in one
 * round trip, the way Koheron's KServer runs device operations next to the hardware. Steps are
 * checked before any runs (window ids, widths, alignment, ranges, count), so a bad program
 * changes nothing, and a program that names the design it expects ({@code expect}) runs only while
 * the PL holds it; a poll that times out fails the program with the register's last value.
 */
final class RegisterPrograms {
    private RegisterPrograms() {}

    static MmioProgramResult run(Board board, Session session, MmioProgram program) {
        if (program.getStepsCount() > board.limits.maxProgramSteps()) {
            throw new IllegalArgumentException("a register program has at most " + board.limits.maxProgramSteps()
                    + " steps, got " + program.getStepsCount());
        }
        if (program.hasExpect()) {
            checkDesign(board.plState(), program.getExpect());
        }
        int n = program.getStepsCount();
        RegisterSpace[] spaces = new RegisterSpace[n];
        Map<String, RegisterSpace> byId = new java.util.HashMap<>();
        for (int i = 0; i < n; i++) {
            MmioStep s = program.getSteps(i);
            String id = s.getMmioId().isEmpty() ? program.getMmioId() : s.getMmioId();
            RegisterSpace w = byId.computeIfAbsent(id, k -> board.window(session, k));
            check(w, s.getOffset(), s.getWidth(), "step " + i);
            if (s.getOp() == MmioStep.Op.UNRECOGNIZED) {
                throw new IllegalArgumentException("step " + i + ": unknown operation " + s.getOpValue());
            }
            if (s.getOp() == MmioStep.Op.POLL && s.getTimeoutUs() > board.limits.maxWaitMillis() * 1000) {
                throw new IllegalArgumentException("step " + i + ": a poll waits at most " + board.limits.maxWaitMillis() + " ms");
            }
            spaces[i] = w;
        }
        MmioProgramResult.Builder result = MmioProgramResult.newBuilder();
        for (int i = 0; i < n; i++) {
            MmioStep s = program.getSteps(i);
            RegisterSpace w = spaces[i];
            switch (s.getOp()) {
                case WRITE -> write(w, s.getOffset(), s.getWidth(), s.getValue());
                case READ -> result.addReads(read(w, s.getOffset(), s.getWidth()));
                case MODIFY -> write(w, s.getOffset(), s.getWidth(),
                        (read(w, s.getOffset(), s.getWidth()) & ~s.getMask()) | (s.getValue() & s.getMask()));
                case POLL -> poll(w, s, i);
                default -> throw new IllegalArgumentException("step " + i + ": unknown operation " + s.getOp());
            }
        }
        return result.build();
    }

    /**
     * Refuses a program written for a design the PL no longer holds (another client downloaded
     * since): the same rule as an overlay's own check, made on the board in the same round trip.
     */
    static void checkDesign(PlState now, PlStateResponse expectedOnWire) {
        PlState expected;
        try {
            expected = PlStates.fromProto(expectedOnWire);
        } catch (java.time.DateTimeException e) {
            throw new IllegalArgumentException("expect: bad timestamp: " + e.getMessage());
        }
        boolean same = now.bitfileName().equals(expected.bitfileName()) && now.timestamp().equals(expected.timestamp())
                && (expected.metadataSha256().isEmpty() || now.metadataSha256().equals(expected.metadataSha256()));
        if (!same) {
            throw new IllegalStateException("stale design: the program was written for "
                    + describe(expected.bitfileName(), expected.timestamp()) + ", but the PL holds "
                    + (now.isProgrammed() ? describe(now.bitfileName(), now.timestamp()) : "nothing")
                    + " (another client downloaded since); load the overlay again");
        }
    }

    private static String describe(String bitfile, Instant downloaded) {
        return bitfile + " downloaded at " + downloaded;
    }

    private static void poll(RegisterSpace w, MmioStep s, int index) {
        long deadline = System.nanoTime() + s.getTimeoutUs() * 1000;
        long mask = s.getMask() == 0 ? -1L : s.getMask();
        int spins = 0;
        while (true) {
            long v = read(w, s.getOffset(), s.getWidth());
            if ((v & mask) == (s.getValue() & mask)) {
                return;
            }
            if (System.nanoTime() - deadline >= 0 || Thread.currentThread().isInterrupted()) {
                throw new HardwareTimeoutException(String.format("step %d: register 0x%x of the window at 0x%x did not reach"
                        + " 0x%x (mask 0x%x) within %d µs; last read 0x%x", index, s.getOffset(), w.physicalAddress(),
                        s.getValue(), mask, s.getTimeoutUs(), v), java.time.Duration.ofNanos(s.getTimeoutUs() * 1000),
                        Map.of(String.format("0x%x", s.getOffset()), v));
            }
            if (++spins > 100) {
                LockSupport.parkNanos(20_000);
            }
        }
    }

    /** Checks width (1, 2, 4, 8), alignment and range. */
    static void check(RegisterSpace w, long offset, int width, String what) {
        if (width != 1 && width != 2 && width != 4 && width != 8) {
            throw new IllegalArgumentException(what + ": width must be 1, 2, 4 or 8 bytes, got " + width);
        }
        try {
            w.checkAccess(offset, width);
        } catch (IndexOutOfBoundsException e) {
            throw new IndexOutOfBoundsException(what + ": " + e.getMessage());
        }
    }

    /** An unsigned read of 1, 2, 4 or 8 bytes. */
    static long read(RegisterSpace w, long offset, int width) {
        check(w, offset, width, "read");
        return switch (width) {
            case 1 -> w.read8(offset) & 0xFFL;
            case 2 -> w.read16(offset) & 0xFFFFL;
            case 4 -> w.read32(offset) & 0xFFFF_FFFFL;
            default -> w.read64(offset);
        };
    }

    static void write(RegisterSpace w, long offset, int width, long value) {
        check(w, offset, width, "write");
        switch (width) {
            case 1 -> w.write8(offset, (byte) value);
            case 2 -> w.write16(offset, (short) value);
            case 4 -> w.write32(offset, (int) value);
            default -> w.write64(offset, value);
        }
    }
}
