package io.jynq.capi;

import io.jynq.error.JynqException;
import io.jynq.error.SourcePosition;

/**
 * A core file that cannot be read, validated or resolved. The message starts with the place
 * ({@code servant.core:412:5: ...}) and names the bad value and what was expected.
 */
public class CapiException extends JynqException {
    private static final long serialVersionUID = 1L;

    /**
     * @param location where the problem is, or null when it concerns the file as a whole
     * @param detail   what is wrong, without the location prefix
     */
    public CapiException(SourcePosition location, String detail) {
        this(location, detail, null);
    }

    /** As {@link #CapiException(SourcePosition, String)}, keeping the underlying cause. */
    public CapiException(SourcePosition location, String detail, Throwable cause) {
        super(location, detail, cause);
    }

    /** Where the problem is, or null when it concerns the whole file. */
    public SourcePosition location() {
        return (SourcePosition) place().orElse(null);
    }
}
