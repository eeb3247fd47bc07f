package io.jynq.kernel.eval;

import java.util.List;

/**
 * A snippet threw. The name is the exception's class name, the traceback its stack trace cut
 * below the last frame of snippet code (the kernel's and JShell's frames are never shown), with
 * snippet frames pointing at cell lines.
 */
public final class SnippetException extends CellException {
    private static final long serialVersionUID = 1L;

    SnippetException(String exceptionClass, String message, List<String> traceback) {
        super(exceptionClass, message, traceback);
    }
}
