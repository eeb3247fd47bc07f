package io.jynq.ffi.cc;

import io.jynq.error.JynqException;
import java.util.List;

/**
 * gcc rejected a source. The message starts with the first error at the user's line
 * ({@code cell.c:4:12: error: expected ';' before 'return'}) followed by gcc's full output with
 * temporary paths removed; {@link #diagnostics()} has every message parsed.
 */
public class CCompileException extends JynqException {
    private static final long serialVersionUID = 1L;

    private final transient List<CDiagnostic> diagnostics;

    public CCompileException(String message, List<CDiagnostic> diagnostics) {
        super(message);
        this.diagnostics = List.copyOf(diagnostics);
    }

    /** Every error, warning and note gcc printed, in order. */
    public List<CDiagnostic> diagnostics() {
        return diagnostics;
    }

    /** The first error, the one to fix first. */
    public CDiagnostic firstError() {
        return diagnostics.stream().filter(CDiagnostic::isError).findFirst().orElse(null);
    }
}
