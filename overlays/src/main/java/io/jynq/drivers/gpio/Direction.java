package io.jynq.drivers.gpio;

/**
 * How software uses the pins of a {@link GpioChannel} (PYNQ's {@code Input}, {@code Output},
 * {@code InOut} slice types). The hardware direction is the channel's TRI register (PG144:
 * 1 = input).
 */
public enum Direction {
    /** Pins are read from DATA; writes are refused. TRI is set to all ones. */
    INPUT,
    /** Pins are driven from a software copy; reads return that copy, as PYNQ's {@code Output} does. TRI is cleared. */
    OUTPUT,
    /** A read makes the slice an input (TRI bits set) first, a write makes it an output (TRI bits cleared). */
    INOUT;

    /**
     * PYNQ's direction words: {@code "in"}, {@code "out"}, {@code "inout"} (any case).
     *
     * @throws IllegalArgumentException for another word
     */
    public static Direction of(String word) {
        switch (word == null ? "" : word.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "in":
                return INPUT;
            case "out":
                return OUTPUT;
            case "inout":
                return INOUT;
            default:
                throw new IllegalArgumentException("direction must be \"in\", \"out\" or \"inout\", got \"" + word + "\"");
        }
    }
}
