package io.jynq.ffi.isolate;

import io.jynq.error.JynqException;

/**
 * A C function called in the helper process faulted (a signal such as SIGSEGV, SIGFPE, SIGABRT)
 * or ended the process ({@code exit(3)}). The helper is gone; the JVM, its variables and every
 * buffer are intact, and the next call starts a new helper. The message reads
 * {@code SIGSEGV in checksum (clib.c:7) reading 0x0}: the signal, the C function, the source line
 * where the library carries debug information ({@code -g}, which JYNQ's builds use), and the
 * faulting access with the argument it lies beside when it is next to a buffer argument.
 */
public final class NativeFaultException extends JynqException {
    private static final long serialVersionUID = 1L;
    private final String signal;
    private final String function;
    private final String sourceLine;

    NativeFaultException(String message, String signal, String function, String sourceLine) {
        super(message);
        this.signal = signal;
        this.function = function;
        this.sourceLine = sourceLine;
    }

    /** The signal's name, e.g. {@code SIGSEGV}, or {@code exit} when the C code ended the process. */
    public String signal() {
        return signal;
    }

    /** The C function the fault happened in (or, without debug information, the one called). */
    public String function() {
        return function;
    }

    /** {@code file:line} of the faulting C code, or null where it could not be found. */
    public String sourceLine() {
        return sourceLine;
    }
}
