package io.jynq.d2l;

import io.jynq.ffi.NativeMemory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An in-memory overlay for device-operation tests: one IP {@code dsp_0} with 32-bit registers
 * CTRL (AP_START bit 0, AP_DONE bit 1), GAIN, STATUS, ID, COEFF, COEFF_INDEX. Starting the core
 * sets AP_DONE after {@code doneAfterReads} reads of CTRL, as an HLS core finishes some cycles
 * later; with {@code doneAfterReads < 0} it never finishes. Every access is logged as bus traffic.
 */
final class FakeBackend implements OperationBackend {
    private static final Map<String, int[]> FIELDS = Map.of("CTRL.AP_START", new int[] {0, 1}, "CTRL.AP_DONE",
            new int[] {1, 1});
    private static final List<String> REGISTERS = List.of("CTRL", "GAIN", "STATUS", "ID", "COEFF", "COEFF_INDEX");

    final Map<String, Long> regs = new HashMap<>();
    final List<String> log = new ArrayList<>();
    int doneAfterReads = 3;
    private int readsSinceStart = -1;
    Object driverResult;
    Object nativeResult;

    FakeBackend() {
        regs.put("ID", 0xD5B0_0001L);
        regs.put("STATUS", 0x5L);
    }

    @Override
    public long readRegister(String ip, String register, String field) {
        checkRegister(ip, register, field);
        log.add("R " + name(register, field));
        if (register.equals("CTRL") && readsSinceStart >= 0 && doneAfterReads >= 0 && ++readsSinceStart > doneAfterReads) {
            regs.put("CTRL", (regs.getOrDefault("CTRL", 0L) & ~1L) | 2L);
            readsSinceStart = -1;
        }
        long v = regs.getOrDefault(register, 0L);
        if (field.isEmpty()) {
            return v;
        }
        int[] f = FIELDS.get(register + "." + field);
        return (v >>> f[0]) & ((1L << f[1]) - 1);
    }

    @Override
    public void writeRegister(String ip, String register, String field, long value) {
        checkRegister(ip, register, field);
        log.add("W " + name(register, field) + " 0x" + Long.toHexString(value));
        long v = regs.getOrDefault(register, 0L);
        if (field.isEmpty()) {
            v = value;
        } else {
            int[] f = FIELDS.get(register + "." + field);
            long mask = ((1L << f[1]) - 1) << f[0];
            v = (v & ~mask) | ((value << f[0]) & mask);
        }
        if (register.equals("CTRL") && field.equals("AP_START") && value == 1) {
            v &= ~2L;
            readsSinceStart = 0;
        }
        regs.put(register, v);
    }

    @Override
    public long physicalAddress(NativeMemory buffer) {
        return 0x1F00_0000L;
    }

    @Override
    public Object invokeDriver(String ip, String method, List<Object> args, List<ArgType> types) {
        log.add("driver " + ip + "." + method + args + types);
        return driverResult;
    }

    @Override
    public Object callNative(String library, String function, List<Object> args, List<ArgType> types, ArgType returnType) {
        log.add("c " + library + ":" + function + args + types + " -> " + returnType);
        return nativeResult;
    }

    @Override
    public void checkRegister(String ip, String register, String field) {
        if (!ip.equals("dsp_0")) {
            throw new IllegalArgumentException("no IP \"" + ip + "\"; IPs: dsp_0");
        }
        if (!REGISTERS.contains(register)) {
            throw new IllegalArgumentException("dsp_0 has no register \"" + register + "\"; registers: "
                    + String.join(", ", REGISTERS));
        }
        if (!field.isEmpty() && !FIELDS.containsKey(register + "." + field)) {
            throw new IllegalArgumentException("dsp_0 register " + register + " has no field \"" + field + "\"");
        }
    }

    @Override
    public void checkNative(String library, String function) {
        if (!function.equals("fir_filter")) {
            throw new IllegalArgumentException(library + " has no function \"" + function + "\"; functions: fir_filter");
        }
    }

    private static String name(String register, String field) {
        return field.isEmpty() ? register : register + "." + field;
    }

    /** A buffer of {@code bytes} bytes at a made-up address. */
    static NativeMemory buffer(long bytes) {
        return new NativeMemory() {
            boolean closed;

            @Override
            public long address() {
                return 0x7f00_0000_0000L;
            }

            @Override
            public long byteSize() {
                return bytes;
            }

            @Override
            public void checkOpen() {
                if (closed) {
                    throw new IllegalStateException("buffer closed");
                }
            }

            @Override
            public String toString() {
                return "buf" + bytes;
            }
        };
    }
}
