package io.jynq.kernel.eval;

import java.util.List;

/**
 * A cell that did not run to the end, in the shape a Jupyter error message needs: a name
 * ({@code ename}), a one-line value ({@code evalue}) and the traceback lines the notebook shows.
 */
public abstract class CellException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String ename;
    private final List<String> traceback;

    protected CellException(String ename, String evalue, List<String> traceback) {
        super(evalue);
        this.ename = ename;
        this.traceback = List.copyOf(traceback);
    }

    /** The error name shown in bold by the notebook, e.g. {@code CompileError} or {@code java.lang.ArithmeticException}. */
    public String ename() {
        return ename;
    }

    /** The one-line message. */
    public String evalue() {
        return getMessage();
    }

    /** The lines of the traceback, ready to print. */
    public List<String> traceback() {
        return traceback;
    }
}
