package io.jynq.ffi.cc;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One gcc message, located in the user's source (temporary paths stripped).
 *
 * @param file the source name the user gave (e.g. {@code cell.c}), or a system header's path
 * @param line 1-based line in that file
 * @param column 1-based column, 0 if gcc gave none
 * @param severity {@code error}, {@code fatal error}, {@code warning} or {@code note}
 * @param message gcc's text
 */
public record CDiagnostic(String file, int line, int column, String severity, String message) {
    private static final Pattern GCC = Pattern.compile("^(.+?):(\\d+):(?:(\\d+):)? (fatal error|error|warning|note): (.*)$");

    /** Parses one line of gcc output, {@code file:line:col: severity: message}. */
    static Optional<CDiagnostic> parse(String outputLine) {
        Matcher m = GCC.matcher(outputLine);
        if (!m.matches()) {
            return Optional.empty();
        }
        int column = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
        return Optional.of(new CDiagnostic(m.group(1), Integer.parseInt(m.group(2)), column, m.group(4), m.group(5)));
    }

    /** Whether this stops the build. */
    public boolean isError() {
        return severity.endsWith("error");
    }

    @Override
    public String toString() {
        return file + ":" + line + (column > 0 ? ":" + column : "") + ": " + severity + ": " + message;
    }
}
