package io.jynq.error;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A wait on hardware (DMA, HLS done, an interrupt, a GPIO value) ran out of time. It carries the
 * register values that explain why, read at the moment of the timeout, so the message reads like
 * {@code axi_dma_0 S2MM did not finish in PT1S: DMASR=0x00000000 (running, not idle, no error)}.
 * Every timeout of a wait on hardware is one of these: a DMA or HLS wait, a GPIO value, and a
 * device operation's register poll ({@code io.jynq.d2l.OperationTimeoutException}).
 */
public class HardwareTimeoutException extends JynqException {
    private static final long serialVersionUID = 1L;

    private final Duration timeout;
    private final Map<String, Long> registers;

    /**
     * @param message what did not happen and the decoded registers
     * @param timeout the wait that elapsed
     * @param registers register name to the raw value read at timeout, in a readable order
     */
    public HardwareTimeoutException(String message, Duration timeout, Map<String, Long> registers) {
        super(message);
        this.timeout = timeout;
        this.registers = Collections.unmodifiableMap(new LinkedHashMap<>(registers));
    }

    /** The wait that elapsed. */
    public Duration timeout() {
        return timeout;
    }

    /** Register name to raw value at the moment of the timeout. */
    public Map<String, Long> registers() {
        return registers;
    }
}
