package io.jynq.capi;

/**
 * A core file that cannot be read, validated or resolved. The message starts with the place
 * ({@code servant.core:412:5: ...}) and names the bad value and what was expected.
 */
public class CapiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient SourceLocation location;
    private final String detail;

    /**
     * @param location where the problem is, or null when it concerns the file as a whole
     * @param detail   what is wrong, without the location prefix
     */
    public CapiException(SourceLocation location, String detail) {
        this(location, detail, null);
    }

    /** As {@link #CapiException(SourceLocation, String)}, keeping the underlying cause. */
    public CapiException(SourceLocation location, String detail, Throwable cause) {
        super(location == null ? detail : location + ": " + detail, cause);
        this.location = location;
        this.detail = detail;
    }

    /** Where the problem is, or null when it concerns the whole file. */
    public SourceLocation location() {
        return location;
    }

    /** The message without the location prefix. */
    public String detail() {
        return detail;
    }
}
