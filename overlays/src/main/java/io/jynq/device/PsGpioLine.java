package io.jynq.device;

/**
 * One PS GPIO line (an EMIO pin of the Zynq or ZynqMP PS), as a backend hands it out: read, drive,
 * give back. See {@code io.jynq.drivers.gpio.Gpio} for the user's view (PYNQ's {@code GPIO}).
 */
public interface PsGpioLine extends AutoCloseable {

    /** The EMIO index (0 is the first PL-facing pin, PYNQ's {@code get_gpio_pin(0)}). */
    int index();

    /**
     * The pin's level, 0 or 1.
     *
     * @throws IllegalStateException after {@link #close()}
     */
    int read();

    /**
     * Drives the pin.
     *
     * @throws IllegalArgumentException unless {@code value} is 0 or 1
     * @throws IllegalStateException if the line is an input, or after {@link #close()}
     */
    void write(int value);

    /** Gives the line back (PYNQ's {@code release()}); later calls throw. Idempotent. */
    @Override
    void close();
}
