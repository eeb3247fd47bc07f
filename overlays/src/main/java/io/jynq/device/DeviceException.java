package io.jynq.device;

import io.jynq.error.JynqException;

/** A board backend could not do what was asked; the message says which step failed and why. */
public class DeviceException extends JynqException {
    private static final long serialVersionUID = 1L;

    public DeviceException(String message) {
        super(message);
    }

    public DeviceException(String message, Throwable cause) {
        super(message, cause);
    }
}
