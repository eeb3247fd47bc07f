package io.jynq.kernel.eval;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * Reads {@code JYNQ_TIMEOUT}: {@code 30} (seconds), {@code 30s}, {@code 500ms}, {@code 2m},
 * {@code 30 SECONDS} (IJava's form) or ISO-8601 {@code PT30S}. Empty or {@code 0} means no limit.
 */
public final class Timeouts {
    private Timeouts() {
    }

    /**
     * @return the duration, or null for no limit
     * @throws IllegalArgumentException naming the value and the accepted forms if it cannot be read
     */
    public static Duration parse(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip().toUpperCase(Locale.ROOT);
        try {
            Duration d;
            if (v.startsWith("PT") || v.startsWith("P")) {
                d = Duration.parse(v);
            } else if (v.matches("\\d+")) {
                d = Duration.ofSeconds(Long.parseLong(v));
            } else if (v.matches("\\d+\\s*MS")) {
                d = Duration.ofMillis(Long.parseLong(v.replaceAll("\\D", "")));
            } else if (v.matches("\\d+\\s*(S|SEC|SECS|SECOND|SECONDS)")) {
                d = Duration.ofSeconds(Long.parseLong(v.replaceAll("\\D", "")));
            } else if (v.matches("\\d+\\s*(M|MIN|MINS|MINUTE|MINUTES)")) {
                d = Duration.ofMinutes(Long.parseLong(v.replaceAll("\\D", "")));
            } else if (v.matches("\\d+\\s*(H|HOUR|HOURS)")) {
                d = Duration.ofHours(Long.parseLong(v.replaceAll("\\D", "")));
            } else {
                throw new IllegalArgumentException("JYNQ_TIMEOUT='" + value
                        + "' is not a duration; use e.g. 30, 30s, 500ms, 2m, \"30 SECONDS\" or PT30S");
            }
            if (d.isNegative()) {
                throw new IllegalArgumentException("JYNQ_TIMEOUT='" + value + "' is negative; use e.g. 30s, or 0 for no limit");
            }
            return d.isZero() ? null : d;
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new IllegalArgumentException("JYNQ_TIMEOUT='" + value
                    + "' is not a duration; use e.g. 30, 30s, 500ms, 2m, \"30 SECONDS\" or PT30S", e);
        }
    }

    /** Short human form: 30s, 500ms, 2m. */
    public static String format(Duration d) {
        if (d.toMillis() % 60_000 == 0) {
            return d.toMinutes() + "m";
        }
        if (d.toMillis() % 1000 == 0) {
            return d.getSeconds() + "s";
        }
        return d.toMillis() + "ms";
    }
}
