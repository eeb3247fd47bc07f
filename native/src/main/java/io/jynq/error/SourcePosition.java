package io.jynq.error;

/**
 * A place in a text file: the file as the user named it, a 1-based line and a 1-based column
 * (-1 when unknown). Prints as {@code file:line:column}, or {@code file:line} without a column: the
 * forms editors and compilers use.
 *
 * @param file   the file name or path as the user named it
 * @param line   1-based line number
 * @param column 1-based column number
 */
public record SourcePosition(String file, int line, int column) implements JynqException.Place {

    @Override
    public String toString() {
        return column < 1 ? file + ":" + line : file + ":" + line + ":" + column;
    }
}
