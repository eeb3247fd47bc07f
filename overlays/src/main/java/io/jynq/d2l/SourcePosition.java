package io.jynq.d2l;

/**
 * Where something is written in a device description: file, 1-based line and column.
 *
 * @param file   the file as named to the parser
 * @param line   1-based line
 * @param column 1-based column
 */
public record SourcePosition(String file, int line, int column) {

    /** An exception at this position. */
    D2lException error(String detail) {
        return new D2lException(file, line, column, detail);
    }

    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
