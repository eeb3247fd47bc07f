package io.jynq.d2l;

import io.jynq.error.HardwareTimeoutException;
import java.util.Map;
import java.time.Duration;

/**
 * A poll of a register program did not see its value in time. The message names the operation,
 * IP, register or field, the value waited for, the last value read and the whole register.
 */
public class OperationTimeoutException extends HardwareTimeoutException {
    private static final long serialVersionUID = 1L;

    private final long lastValue;

    /**
     * @param message   the full message
     * @param lastValue the last value the poll read
     * @param timeout   how long it waited
     */
    public OperationTimeoutException(String message, long lastValue, Duration timeout) {
        super(message, timeout, Map.of());
        this.lastValue = lastValue;
    }

    /** The last value read before giving up. */
    public long lastValue() {
        return lastValue;
    }

}
