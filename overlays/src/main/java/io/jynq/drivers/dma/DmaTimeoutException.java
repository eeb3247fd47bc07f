package io.jynq.drivers.dma;

import io.jynq.error.HardwareTimeoutException;
import io.jynq.ip.AxiDmaLayout;
import java.time.Duration;
import java.util.Map;

/**
 * A DMA transfer did not finish in time. Carries the channel's registers at the moment of the
 * timeout (DMACR, DMASR, address, LENGTH) and the decoded DMASR, e.g.
 * {@code S2MM of axi_dma_0 did not finish in PT1S: DMASR=0x00000000 (running, not idle, no error)}.
 * A stream that never sends TLAST, or sends fewer bytes than S2MM's LENGTH, is the usual cause.
 */
public class DmaTimeoutException extends HardwareTimeoutException {
    private static final long serialVersionUID = 1L;

    private final int dmasr;

    DmaTimeoutException(String message, Duration timeout, Map<String, Long> registers, int dmasr) {
        super(message, timeout, registers);
        this.dmasr = dmasr;
    }

    /** The raw DMASR read at the timeout. */
    public int dmasr() {
        return dmasr;
    }

    /** The DMASR decoded, e.g. {@code running, not idle, no error}. */
    public String decodedStatus() {
        return AxiDmaLayout.describeDmasr(dmasr);
    }
}
