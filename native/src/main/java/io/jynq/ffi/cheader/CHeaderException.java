package io.jynq.ffi.cheader;

import io.jynq.error.JynqException;
import io.jynq.error.SourcePosition;

/**
 * A C header or source could not be read as function declarations: the message names the source,
 * the line and what is unsupported, then quotes the line, e.g.
 * <pre>
 * dsp.h:3: variadic function 'log_msg' is not supported: '...' parameters cannot be typed
 *     void log_msg(const char *fmt, ...);
 * </pre>
 * Its {@link #place()} is the {@link SourcePosition} of the line (column unknown, -1).
 */
public class CHeaderException extends JynqException {
    private static final long serialVersionUID = 1L;

    private final String sourceName;
    private final int line;

    /**
     * @param sourceName the header's name as the user knows it (e.g. {@code dsp.h}, {@code cell})
     * @param line 1-based line number
     * @param problem what is wrong
     * @param lineText the offending line, quoted under the message (may be empty)
     */
    public CHeaderException(String sourceName, int line, String problem, String lineText) {
        super(new SourcePosition(sourceName, line, -1),
                problem + (lineText.isBlank() ? "" : "\n    " + lineText.strip()), null);
        this.sourceName = sourceName;
        this.line = line;
    }

    /** The header's name as given to the parser. */
    public String sourceName() {
        return sourceName;
    }

    /** The 1-based line of the offending declaration. */
    public int line() {
        return line;
    }
}
