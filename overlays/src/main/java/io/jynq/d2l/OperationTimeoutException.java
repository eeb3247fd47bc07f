package io.jynq.d2l;

import java.time.Duration;

/**
 * A poll of a register program did not see its value in time. The message names the operation,
 * IP, register or field, the value waited for, the last value read and the whole register.
 */
public class OperationTimeoutException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final long lastValue;
    private final transient Duration timeout;

    /**
     * @param message   the full message
     * @param lastValue the last value the poll read
     * @param timeout   how long it waited
     */
    public OperationTimeoutException(String message, long lastValue, Duration timeout) {
        super(message);
        this.lastValue = lastValue;
        this.timeout = timeout;
    }

    /** The last value read before giving up. */
    public long lastValue() {
        return lastValue;
    }

    /** How long the poll waited. */
    public Duration timeout() {
        return timeout;
    }
}
