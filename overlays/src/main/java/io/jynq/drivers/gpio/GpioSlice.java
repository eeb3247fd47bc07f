package io.jynq.drivers.gpio;

import io.jynq.overlay.BackgroundWait;
import io.jynq.overlay.Deadline;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * Pins {@code [lsb, lsb + width)} of a {@link GpioChannel}, read and written as one unsigned
 * number with bit 0 at pin {@code lsb} (PYNQ's {@code channel[i]} and {@code channel[a:b]}).
 * <pre>{@code
 * GpioSlice led0 = gpio.channel1().pin(0);
 * led0.on(); led0.toggle();
 * long sw = gpio.channel2().pins(0, 2).read();
 * }</pre>
 */
public final class GpioSlice {
    private final GpioChannel channel;
    private final int lsb;
    private final int width;
    private final long mask;

    GpioSlice(GpioChannel channel, int lsb, int width) {
        this.channel = channel;
        this.lsb = lsb;
        this.width = width;
        this.mask = ((1L << width) - 1) << lsb;
    }

    /** The first pin. */
    public int lsb() {
        return lsb;
    }

    /** The number of pins. */
    public int width() {
        return width;
    }

    /** The pins' value, bit 0 = pin {@code lsb}. */
    public long read() {
        return (channel.read(mask) & mask) >>> lsb;
    }

    /**
     * Drives the pins.
     *
     * @throws IllegalArgumentException if {@code value} has bits beyond {@code width}
     * @throws IllegalStateException if the channel is an input
     */
    public void write(long value) {
        if ((value & ~(mask >>> lsb)) != 0) {
            throw new IllegalArgumentException("value 0x" + Long.toHexString(value) + " does not fit in " + width
                    + " pins of " + channel);
        }
        channel.writeMasked(value << lsb, mask);
    }

    /** All pins high. */
    public void on() {
        write(mask >>> lsb);
    }

    /** All pins low. */
    public void off() {
        write(0);
    }

    /** Inverts every pin. */
    public void toggle() {
        write(~read() & (mask >>> lsb));
    }

    /**
     * Waits until the pins read {@code value}, sleeping on the GPIO interrupt where it is wired
     * (else polling).
     *
     * @throws io.jynq.error.HardwareTimeoutException after {@code timeout}, with DATA, TRI and the interrupt registers
     * @throws java.util.concurrent.CancellationException if the thread is interrupted
     */
    public void waitForValue(long value, Duration timeout) {
        channel.waitFor(mask, value << lsb, timeout);
    }

    /**
     * Waits until the pins read {@code value}, the stop button, or the default deadline
     * ({@link Deadline#defaultTimeout()}: {@code JYNQ_WAIT_TIMEOUT}, else one minute); PYNQ's
     * {@code wait_for_value(v)}, which has no deadline.
     *
     * @throws io.jynq.error.HardwareTimeoutException at the deadline, with DATA, TRI and the interrupt registers
     * @throws java.util.concurrent.CancellationException if the thread is interrupted (the stop button)
     */
    public void waitForValue(long value) {
        waitForValue(value, Deadline.defaultTimeout());
    }

    /**
     * Completes when the pins read {@code value} (PYNQ's {@code wait_for_value_async}): the wait
     * runs on its own daemon thread, under the default deadline; {@code cancel(true)} on the future
     * ends it. The future fails with the {@link io.jynq.error.HardwareTimeoutException} at the deadline.
     */
    public CompletableFuture<Void> onValue(long value) {
        Duration timeout = Deadline.defaultTimeout();
        return BackgroundWait.start("jynq-gpio-wait " + this, () -> {
            waitForValue(value, timeout);
            return null;
        });
    }

    /** Slices are equal when they are the same pins of the same channel. */
    @Override
    public boolean equals(Object o) {
        return o instanceof GpioSlice s && s.channel == channel && s.lsb == lsb && s.width == width;
    }

    @Override
    public int hashCode() {
        return Objects.hash(System.identityHashCode(channel), lsb, width);
    }

    @Override
    public String toString() {
        return "GpioSlice[" + channel.label() + " pins " + (lsb + width - 1) + ":" + lsb + "]";
    }
}
