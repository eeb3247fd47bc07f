package io.jynq.kernel.eval;

import java.util.List;

/** The cell was stopped: by the notebook's interrupt, or by the {@code JYNQ_TIMEOUT} watchdog. */
public final class CellInterruptedException extends CellException {
    private static final long serialVersionUID = 1L;

    CellInterruptedException(String reason) {
        super("Interrupted", reason, List.of("Interrupted: " + reason));
    }
}
