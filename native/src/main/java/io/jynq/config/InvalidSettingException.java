package io.jynq.config;

import io.jynq.error.JynqException;

/**
 * A setting's value cannot be used; the message names the variable or property and the value.
 * A {@link JynqException}, as every exception JYNQ defines (see {@code io.jynq.error}).
 */
public final class InvalidSettingException extends JynqException {
    private static final long serialVersionUID = 1L;
    private final transient Setting setting;

    /**
     * @param setting the setting
     * @param source  the variable (e.g. {@code JYNQ_SIM_DIR}) or {@code -D} property: where the value came from
     * @param value   the value as given
     * @param why     what a good value looks like
     */
    public InvalidSettingException(Setting setting, String source, String value, String why, Throwable cause) {
        super(source + "=\"" + value + "\": " + why, cause);
        this.setting = setting;
    }

    /** The setting whose value is wrong. */
    public Setting setting() {
        return setting;
    }
}
