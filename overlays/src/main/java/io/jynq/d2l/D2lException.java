package io.jynq.d2l;

import io.jynq.error.JynqException;
import io.jynq.error.SourcePosition;

/**
 * A device description that cannot be read or is inconsistent. The message starts with
 * {@code file:line:column} (1-based) and names the device, operation or argument at fault.
 */
public class D2lException extends JynqException {
    private static final long serialVersionUID = 1L;

    /**
     * @param file   the file as named to the parser
     * @param line   1-based line
     * @param column 1-based column
     * @param detail what is wrong, without the location
     */
    public D2lException(String file, int line, int column, String detail) {
        this(file, line, column, detail, null);
    }

    /** As {@link #D2lException(String, int, int, String)}, keeping the cause. */
    public D2lException(String file, int line, int column, String detail, Throwable cause) {
        super(new SourcePosition(file, line, column), detail, cause);
    }

    /** An exception at {@code position}. */
    static D2lException at(SourcePosition position, String detail) {
        return new D2lException(position.file(), position.line(), position.column(), detail);
    }

    /** Where the problem is: file, line and column, printed as {@code file:line:column}. */
    public SourcePosition position() {
        return (SourcePosition) place().orElseThrow();
    }

    /** The file as named to the parser. */
    public String file() {
        return position().file();
    }

    /** 1-based line. */
    public int line() {
        return position().line();
    }

    /** 1-based column. */
    public int column() {
        return position().column();
    }
}
