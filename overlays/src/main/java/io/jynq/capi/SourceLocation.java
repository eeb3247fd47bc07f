package io.jynq.capi;

/**
 * A place in a core file: the file name as given to the parser, a 1-based line and a 1-based
 * column. Prints as {@code file:line:column}, the form editors and compilers use.
 *
 * @param file   the file name or path as the user named it
 * @param line   1-based line number
 * @param column 1-based column number
 */
public record SourceLocation(String file, int line, int column) {

    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
