package io.jynq.d2l;

import io.jynq.error.HardwareTimeoutException;
import io.jynq.ffi.NativeMemory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

/**
 * Runs a {@link RegisterProgram} against an {@link OperationBackend}, step by step.
 *
 * <p>Arguments become register values as follows: integers as they are (an {@code int32_t} as its
 * 32-bit two's complement, an {@code int64_t} as its 64-bit one), {@code bool} as 1 or 0, {@code float} as its IEEE-754 single bits and
 * {@code double} as its double bits (the way HLS IP takes them), and a {@code buffer} as its
 * physical address. A poll reads until the value equals {@code until}, checking
 * {@link Thread#interrupted()} between reads, and fails with {@link OperationTimeoutException}
 * after its timeout. The result is the named read, converted to the operation's return type.
 */
public final class RegisterProgramInterpreter {
    private RegisterProgramInterpreter() {}

    /**
     * @param op      the operation (for its arguments, return type and messages)
     * @param program its register program
     * @param args    the bound arguments, as {@link ArgumentBinder#bind} returns them
     * @param backend register access
     * @return the result, or null when the program names none
     * @throws OperationTimeoutException if a poll times out
     * @throws IllegalStateException     if the thread is interrupted during a poll (the flag is kept)
     */
    public static Object run(Operation op, RegisterProgram program, List<Object> args, OperationBackend backend) {
        Map<String, Long> env = new HashMap<>();
        for (int i = 0; i < op.arguments().size(); i++) {
            env.put(op.arguments().get(i).name(), bits(op.arguments().get(i).type(), args.get(i), backend));
        }
        String ip = program.ip();
        if (runAtOnce(op, program, env, backend)) {
            return program.result().isEmpty() ? null : result(op.returnType(), env.get(program.result()));
        }
        for (RegisterStep step : program.steps()) {
            if (step instanceof RegisterStep.Write w) {
                backend.writeRegister(ip, w.register(), w.field(), value(w.value(), env));
            } else if (step instanceof RegisterStep.Read r) {
                env.put(r.as(), backend.readRegister(ip, r.register(), r.field()));
            } else {
                poll(op, ip, (RegisterStep.Poll) step, value(((RegisterStep.Poll) step).until(), env), backend);
            }
        }
        if (program.result().isEmpty()) {
            return null;
        }
        return result(op.returnType(), env.get(program.result()));
    }

    /**
     * Runs the program through {@link OperationBackend#runAtOnce} when no step's value depends on
     * an earlier read of the same program (every value is then known before the first step), and
     * the backend takes it; the reads land in {@code env}.
     *
     * @return false when the steps must run one by one
     */
    private static boolean runAtOnce(Operation op, RegisterProgram program, Map<String, Long> env, OperationBackend backend) {
        List<RegisterStep> resolved = new ArrayList<>();
        java.util.Set<String> readNames = new java.util.HashSet<>();
        for (RegisterStep step : program.steps()) {
            if (step instanceof RegisterStep.Read r) {
                readNames.add(r.as());
                resolved.add(r);
            } else if (step instanceof RegisterStep.Write w) {
                if (w.value().name() != null && readNames.contains(w.value().name())) {
                    return false;
                }
                resolved.add(new RegisterStep.Write(w.register(), w.field(), ValueRef.of(value(w.value(), env)), w.at()));
            } else {
                RegisterStep.Poll p = (RegisterStep.Poll) step;
                if (p.until().name() != null && readNames.contains(p.until().name())) {
                    return false;
                }
                resolved.add(new RegisterStep.Poll(p.register(), p.field(), ValueRef.of(value(p.until(), env)), p.timeout(), p.at()));
            }
        }
        long[] reads;
        try {
            reads = backend.runAtOnce(program.ip(), resolved);
        } catch (OperationTimeoutException e) {
            throw e;
        } catch (HardwareTimeoutException e) {
            long last = e.registers().values().stream().findFirst().orElse(0L);
            throw new OperationTimeoutException(op.name() + ": " + e.getMessage(), last, e.timeout());
        }
        if (reads == null) {
            return false;
        }
        int i = 0;
        for (RegisterStep step : resolved) {
            if (step instanceof RegisterStep.Read r) {
                env.put(r.as(), reads[i++]);
            }
        }
        return true;
    }

    private static void poll(Operation op, String ip, RegisterStep.Poll p, long until, OperationBackend backend) {
        long deadline = System.nanoTime() + p.timeout().toNanos();
        int spins = 0;
        while (true) {
            long v = backend.readRegister(ip, p.register(), p.field());
            if (v == until) {
                return;
            }
            if (Thread.currentThread().isInterrupted()) {
                throw new IllegalStateException(op.name() + ": interrupted while polling " + ip + " " + p.target()
                        + " for 0x" + Long.toHexString(until));
            }
            if (System.nanoTime() - deadline >= 0) {
                String whole = p.field().isEmpty() ? "" : "; " + p.register() + " = 0x"
                        + Long.toHexString(backend.readRegister(ip, p.register(), ""));
                throw new OperationTimeoutException(op.name() + ": poll of " + ip + " " + p.target() + " did not reach 0x"
                        + Long.toHexString(until) + " within " + p.timeout().toMillis() + " ms (last read 0x"
                        + Long.toHexString(v) + whole + ")", v, p.timeout());
            }
            if (++spins > 100) {
                LockSupport.parkNanos(20_000); // back off after the fast path: real IP finishes in µs to ms
            } else {
                Thread.onSpinWait();
            }
        }
    }

    private static long value(ValueRef ref, Map<String, Long> env) {
        return ref.name() == null ? ref.literal() : env.get(ref.name());
    }

    private static long bits(ArgType type, Object v, OperationBackend backend) {
        return switch (type) {
            case BOOL -> Boolean.TRUE.equals(v) ? 1 : 0;
            case FLOAT -> Float.floatToRawIntBits(((Double) v).floatValue()) & 0xFFFF_FFFFL;
            case DOUBLE -> Double.doubleToRawLongBits((Double) v);
            case BUFFER -> backend.physicalAddress((NativeMemory) v);
            case INT32_T -> (Long) v & 0xFFFF_FFFFL; // a 32-bit register holds the two's complement in 32 bits
            default -> (Long) v;
        };
    }

    private static Object result(ArgType type, long v) {
        if (type == null) {
            return v;
        }
        return switch (type) {
            case BOOL -> v != 0;
            case FLOAT -> (double) Float.intBitsToFloat((int) v);
            case DOUBLE -> Double.longBitsToDouble(v);
            case INT32_T -> (long) (int) v;
            case UINT32_T, UNSIGNED_INT -> v & 0xFFFF_FFFFL;
            default -> v;
        };
    }
}
