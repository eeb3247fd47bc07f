package io.jynq.d2l;

/**
 * A device description that cannot be read or is inconsistent. The message starts with
 * {@code file:line:column} (1-based) and names the device, operation or argument at fault.
 */
public class D2lException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String file;
    private final int line;
    private final int column;
    private final String detail;

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
        super(new SourcePosition(file, line, column) + ": " + detail, cause);
        this.file = file;
        this.line = line;
        this.column = column;
        this.detail = detail;
    }

    /** Where the problem is: file, line and column, printed as {@code file:line:column}. */
    public SourcePosition position() {
        return new SourcePosition(file, line, column);
    }

    /** The file as named to the parser. */
    public String file() {
        return file;
    }

    /** 1-based line. */
    public int line() {
        return line;
    }

    /** 1-based column. */
    public int column() {
        return column;
    }

    /** The message without the location. */
    public String detail() {
        return detail;
    }
}
