package io.jynq.error;

import java.util.Optional;

/**
 * The root of JYNQ's exceptions: bad input (a {@code .hwh}, {@code .bit}, {@code .core},
 * {@code .d2l.yaml}), a device that cannot do what was asked, a wait that timed out, a magic
 * used wrongly. Unchecked, so a notebook cell's {@code catch (Exception e)} or
 * {@code catch (JynqException e)} catches every one. An exception may say where the problem is
 * ({@link #place()}): a place in a file ({@link SourcePosition}, {@code base.hwh:812:5}), a byte
 * of a binary file ({@link ByteOffset}, {@code base.bit: byte 13}) or a register of an IP
 * ({@link RegisterOffset}, {@code axi_dma_0+0x34}); the message then starts with it.
 */
public class JynqException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Place place;
    private final String detail;

    /** Where a problem is; printed at the start of the message, followed by {@code ": "}. */
    public sealed interface Place permits SourcePosition, ByteOffset, RegisterOffset {
    }

    /**
     * A byte of a binary file.
     *
     * @param file   the file as the user named it
     * @param offset 0-based offset in bytes
     */
    public record ByteOffset(String file, long offset) implements Place {
        @Override
        public String toString() {
            return file + ": byte " + offset;
        }
    }

    /**
     * A register of an IP.
     *
     * @param ip     the IP's name in the overlay ({@code axi_dma_0})
     * @param offset byte offset from the IP's base address
     */
    public record RegisterOffset(String ip, long offset) implements Place {
        @Override
        public String toString() {
            return ip + "+0x" + Long.toHexString(offset).toUpperCase(java.util.Locale.ROOT);
        }
    }

    /** A problem without a place: the message is {@code message}. */
    public JynqException(String message) {
        this(null, message, null);
    }

    /** A problem without a place, keeping its cause. */
    public JynqException(String message, Throwable cause) {
        this(null, message, cause);
    }

    /**
     * A problem at {@code place}: the message is {@code place + ": " + detail}.
     *
     * @param place where, or null when the problem concerns no one place
     */
    public JynqException(Place place, String detail, Throwable cause) {
        super(place == null ? detail : place + ": " + detail, cause);
        this.place = place;
        this.detail = detail;
    }

    /**
     * A one-line error without a stack trace, for mistakes a user fixes by reading the message
     * (as IPython's {@code UsageError}).
     */
    protected JynqException(String message, boolean stackTrace) {
        super(message, null, false, stackTrace);
        this.place = null;
        this.detail = message;
    }

    /** Where the problem is, if the exception knows. */
    public Optional<Place> place() {
        return Optional.ofNullable(place);
    }

    /** The message without the place. */
    public String detail() {
        return detail;
    }
}
