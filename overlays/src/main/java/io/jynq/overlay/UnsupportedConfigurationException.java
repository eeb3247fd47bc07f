package io.jynq.overlay;

import io.jynq.error.JynqException;

/**
 * A driver cannot drive this configuration of its IP (e.g. an AXI DMA built as a micro DMA with
 * scatter-gather, which {@code AxiDma} refuses as PYNQ does). Thrown by a driver's constructor; the overlay then falls
 * back to {@link DefaultIp} with a warning (PYNQ's {@code UnsupportedConfiguration}). The message
 * names the IP, the parameter and its value.
 */
public class UnsupportedConfigurationException extends JynqException {
    private static final long serialVersionUID = 1L;

    public UnsupportedConfigurationException(String message) {
        super(message);
    }
}
