package io.jynq.kernel.eval;

/**
 * A cell's source with line lookup: turns a character offset into a 1-based line and column and
 * gives the text of a line, for error messages with a caret.
 */
record CellText(String text) {

    /** 1-based line of {@code offset} (clamped into the text). */
    int line(int offset) {
        int end = Math.max(0, Math.min(offset, text.length()));
        int line = 1;
        for (int i = 0; i < end; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    /** 1-based column of {@code offset} within its line. */
    int column(int offset) {
        int end = Math.max(0, Math.min(offset, text.length()));
        int lineStart = text.lastIndexOf('\n', end - 1) + 1;
        return end - lineStart + 1;
    }

    /** The text of 1-based line {@code n}, without its newline; empty past the end. */
    String lineText(int n) {
        String[] lines = text.split("\n", -1);
        return n >= 1 && n <= lines.length ? lines[n - 1] : "";
    }
}
