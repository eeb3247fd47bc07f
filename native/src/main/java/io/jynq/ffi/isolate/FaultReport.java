package io.jynq.ffi.isolate;

import io.jynq.ffi.cheader.CDeclaration;
import io.jynq.ffi.cheader.CParameter;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Reads the helper's fault reply (layout in {@code jynq_helper.c}) into a {@link NativeFaultException}. */
final class FaultReport {
    private FaultReport() {}

    private static final String ENDED = " (the C call ran in JYNQ's helper process, which ended; the kernel and its"
            + " variables are intact and the next call starts a new helper)";

    static NativeFaultException read(ByteBuffer in, CDeclaration called, long[] spans) {
        int signo = in.getInt();
        int code = in.getInt();
        int access = in.getInt();
        in.getInt(); // function id: the caller knows which function it called
        long addr = in.getLong();
        long offset = in.getLong();
        boolean returnAddress = in.getInt() != 0;
        int nargs = in.getInt();
        long[] pointers = new long[nargs];
        for (int i = 0; i < nargs; i++) {
            pointers[i] = in.getLong();
        }
        byte[] lib = new byte[in.getInt()];
        in.get(lib);
        String signal = signalName(signo);
        String function = called.name();
        String line = null;
        if (lib.length > 0 && offset != -1) {
            SourceLines.Location loc = SourceLines.lookup(Path.of(new String(lib, StandardCharsets.UTF_8)),
                    returnAddress ? offset - 1 : offset);
            function = loc.function() != null ? loc.function() : function;
            line = loc.line();
        }
        StringBuilder m = new StringBuilder(signal).append(" in ").append(function);
        if (line != null) {
            m.append(" (").append(line).append(')');
        }
        m.append(what(signo, code, access, addr));
        if (signo == 11 || signo == 7) {
            m.append(beside(addr, called, pointers, spans));
        }
        return new NativeFaultException(m.append(ENDED).toString(), signal, function, line);
    }

    /** The report for a helper that ended without a fault reply: exit() in C, or killed from outside. */
    static NativeFaultException ended(CDeclaration called, int status) {
        String what = status > 128 ? "the helper process was killed by signal " + (status - 128) + " during " + called.name()
                : called.name() + " ended the helper process with exit(" + status + ")";
        return new NativeFaultException(what + ENDED, "exit", called.name(), null);
    }

    private static String what(int signo, int code, int access, long addr) {
        String hex = "0x" + Long.toHexString(addr);
        return switch (signo) {
            case 11, 7 -> switch (access) {
                case 1 -> " reading " + hex;
                case 2 -> " writing " + hex;
                case 3 -> ": stack overflow (unbounded recursion?) at " + hex;
                default -> " at " + hex;
            };
            case 8 -> code == 1 || code == 2 ? ": integer division by zero" : ": arithmetic exception";
            case 6 -> ": abort() called";
            case 4 -> ": illegal instruction";
            case 5 -> ": trap (__builtin_trap?)";
            default -> "";
        };
    }

    /** ": 128 bytes past the end of argument 'data' (4096 bytes)" when addr is beside a buffer argument. */
    private static String beside(long addr, CDeclaration called, long[] pointers, long[] spans) {
        for (int i = 0; i < pointers.length && i < called.parameters().size(); i++) {
            if (pointers[i] == 0 || spans == null || spans[i] < 0) {
                continue;
            }
            CParameter p = called.parameters().get(i);
            long past = addr - (pointers[i] + spans[i]);
            long before = pointers[i] - addr;
            if (past >= 0 && past < (1L << 20)) {
                return ": " + past + " bytes past the end of argument '" + p.name() + "' (" + spans[i] + " bytes)";
            }
            if (before > 0 && before <= (1L << 20)) {
                return ": " + before + " bytes before argument '" + p.name() + "' (" + spans[i] + " bytes)";
            }
        }
        return "";
    }

    static String signalName(int signo) {
        return switch (signo) {
            case 4 -> "SIGILL";
            case 5 -> "SIGTRAP";
            case 6 -> "SIGABRT";
            case 7 -> "SIGBUS";
            case 8 -> "SIGFPE";
            case 11 -> "SIGSEGV";
            case 31 -> "SIGSYS";
            default -> "signal " + signo;
        };
    }
}
