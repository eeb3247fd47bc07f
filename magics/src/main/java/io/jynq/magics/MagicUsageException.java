package io.jynq.magics;

import io.jynq.error.JynqException;

/**
 * A magic was called wrongly: the message is one line saying what was wrong and what to type
 * instead, e.g. {@code %ip needs an IP name: %ip axi_dma_0 (IPs: axi_dma_0, btns_gpio)}. Carries
 * no stack trace: the user made a typo, the kernel's frames would only hide the message.
 */
public class MagicUsageException extends JynqException {
    private static final long serialVersionUID = 1L;

    /** @param message one line: what was wrong, then what to type instead */
    public MagicUsageException(String message) {
        super(message, false);
    }
}
