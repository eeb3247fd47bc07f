package io.jynq.magics;

import io.jynq.error.JynqException;

/**
 * A device of the typed facade ({@code ol.dsp_loopback}) could not be opened on its first call:
 * the message is one line naming the device, the overlay and what went wrong (a description's
 * {@code file:line:column}, gcc's {@code file:line}, or "not loaded in the PL; call download()").
 *
 * <p>Carries no stack trace and no cause, so the notebook shows that one line: the frames of the
 * proxy and of the opening code would only hide it. The exception that failed the opening is kept
 * as the one {@linkplain #getSuppressed() suppressed} exception, for code that wants its type.
 */
public final class DeviceOpenException extends JynqException {
    private static final long serialVersionUID = 1L;

    DeviceOpenException(String device, String overlay, RuntimeException failure) {
        super("device " + device + " of overlay " + overlay + " did not open: " + summary(failure));
        addSuppressed(failure);
        setStackTrace(new StackTraceElement[0]);
    }

    /** The failure's message on one line, with its type when the message alone says too little. */
    private static String summary(RuntimeException e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().strip();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl) + " ...";
    }
}
