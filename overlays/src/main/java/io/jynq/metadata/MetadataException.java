package io.jynq.metadata;

import io.jynq.error.JynqException;
import io.jynq.error.SourcePosition;
import java.util.Objects;

/**
 * Bad overlay metadata input: a {@code .hwh} or {@code .bit} that cannot be read as such. The
 * message always names the file and the place, then what was found and what was expected, e.g.
 * {@code base.hwh:812:5: MEMRANGE names unknown INSTANCE "axi_dma_9"} or
 * {@code base.bit: byte 13: sync word 0x0FF00FF00FF00FF000 expected}.
 *
 * <p>The place is a line and column (1-based) for XML input, or a byte offset (0-based) for the
 * binary {@code .bit}; the accessors for the other kind return -1.
 */
public final class MetadataException extends JynqException {
    private static final long serialVersionUID = 1L;

    private final String file;
    private final int line;
    private final int column;
    private final long byteOffset;

    private MetadataException(String file, int line, int column, long byteOffset, String problem, Throwable cause) {
        super(line < 0 && byteOffset >= 0 ? new ByteOffset(file, byteOffset) : new SourcePosition(file, line, column),
                problem, cause);
        this.file = file;
        this.line = line;
        this.column = column;
        this.byteOffset = byteOffset;
    }

    /**
     * An error in XML input at a line and column.
     *
     * @param file the file name as the user gave it
     * @param line 1-based line, or -1 when unknown
     * @param column 1-based column, or -1 when unknown
     * @param problem what was found and what was expected
     */
    public static MetadataException atLine(String file, int line, int column, String problem) {
        return atLine(file, line, column, problem, null);
    }

    /** As {@link #atLine(String, int, int, String)}, keeping the underlying cause. */
    public static MetadataException atLine(String file, int line, int column, String problem,
            Throwable cause) {
        return new MetadataException(Objects.requireNonNull(file), line, column, -1, problem, cause);
    }

    /**
     * An error in binary input at a byte offset.
     *
     * @param file the file name as the user gave it
     * @param byteOffset 0-based offset in bytes from the start of the file
     * @param problem what was found and what was expected
     */
    public static MetadataException atByte(String file, long byteOffset, String problem) {
        return new MetadataException(Objects.requireNonNull(file), -1, -1, byteOffset, problem, null);
    }

    /** The file name as the user gave it. */
    public String file() {
        return file;
    }

    /** 1-based line of XML input, or -1 for binary input or when unknown. */
    public int line() {
        return line;
    }

    /** 1-based column of XML input, or -1 for binary input or when unknown. */
    public int column() {
        return column;
    }

    /** 0-based byte offset in binary input, or -1 for XML input. */
    public long byteOffset() {
        return byteOffset;
    }
}
