package io.jynq.kernel.eval;

import java.util.List;

/**
 * A snippet of the cell did not compile. The traceback gives, for each diagnostic, the cell line
 * and column (both 1-based), the message, the source line and a caret under the column.
 */
public final class CompileException extends CellException {
    private static final long serialVersionUID = 1L;

    CompileException(String firstMessage, List<String> traceback) {
        super("CompileError", firstMessage, traceback);
    }
}
