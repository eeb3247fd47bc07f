package io.jynq.drivers.gpio;

import io.jynq.device.Device;
import io.jynq.device.PsGpioLine;
import java.util.Objects;

/**
 * A PS GPIO pin (PYNQ's {@code pynq.GPIO}): an EMIO line of the Zynq or ZynqMP PS that the design
 * wires into the PL (its {@code gpio_dict} says where, e.g. the PYNQ-Z1 base design's
 * {@code mb_iop_pmoda_reset} is index 0 and resets the Pmod A IOP).
 * <pre>{@code
 * Gpio reset = Gpio.psPin(ol.gpioDict().get("mb_iop_pmoda_reset").index(), Direction.OUTPUT);
 *                                      // PYNQ: GPIO(GPIO.get_gpio_pin(index), "out")
 * reset.write(1); reset.write(0);      // pulse the reset
 * reset.release();
 * }</pre>
 * On a board the pin is Linux's sysfs GPIO {@code base + 54 + index} (Zynq) or {@code + 78}
 * (ZynqMP), as PYNQ computes it; on the simulated board it is wired as the loaded design says.
 */
public final class Gpio implements AutoCloseable {
    private final PsGpioLine line;
    private final Direction direction;

    private Gpio(PsGpioLine line, Direction direction) {
        this.line = line;
        this.direction = direction;
    }

    /**
     * EMIO pin {@code index} of the active device, as an input or output.
     *
     * @throws IllegalArgumentException for {@link Direction#INOUT} (a PS pin is one or the other, as in PYNQ)
     * @throws IndexOutOfBoundsException if the PS has no such EMIO pin
     * @throws io.jynq.device.DeviceException if the pin is held already or the OS refuses it
     */
    public static Gpio psPin(int index, Direction direction) {
        return psPin(Device.active(), index, direction);
    }

    /** As {@link #psPin(int, Direction)} on {@code device}. */
    public static Gpio psPin(Device device, int index, Direction direction) {
        Objects.requireNonNull(direction, "direction");
        if (direction == Direction.INOUT) {
            throw new IllegalArgumentException("a PS GPIO pin is INPUT or OUTPUT, as PYNQ's \"in\" or \"out\"");
        }
        return new Gpio(device.psGpio(index, direction == Direction.OUTPUT), direction);
    }

    /** The EMIO index. */
    public int index() {
        return line.index();
    }

    /** INPUT or OUTPUT. */
    public Direction direction() {
        return direction;
    }

    /** The pin's level, 0 or 1. @throws IllegalStateException after {@link #release()} */
    public int read() {
        return line.read();
    }

    /**
     * Drives the pin.
     *
     * @throws IllegalArgumentException unless {@code value} is 0 or 1
     * @throws IllegalStateException if the pin is an input, or released
     */
    public void write(int value) {
        line.write(value);
    }

    /** Gives the pin back (PYNQ's {@code release()}). */
    public void release() {
        line.close();
    }

    @Override
    public void close() {
        release();
    }

    @Override
    public String toString() {
        return "Gpio[" + line + "]";
    }
}
