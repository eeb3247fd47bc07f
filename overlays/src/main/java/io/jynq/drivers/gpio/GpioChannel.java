package io.jynq.drivers.gpio;

import io.jynq.device.HardwareTimeoutException;
import io.jynq.ip.AxiGpioLayout;
import io.jynq.mmio.Mmio;
import io.jynq.overlay.Deadline;
import io.jynq.overlay.Interrupt;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One channel of an {@link AxiGpio}: up to 32 pins, DATA at {@code (channel - 1) * 8} and TRI
 * four bytes above (PG144 v2.0, "Registers"). Writes go through a software copy of the outputs,
 * so writing some pins never disturbs the others (PYNQ's rule).
 */
public final class GpioChannel {
    private final AxiGpio gpio;
    private final Mmio mmio;
    private final int channel;
    private final int width;
    private final long widthMask;
    private final int data;
    private final int tri;
    private Direction direction;
    private long shadow;
    private long triShadow;

    GpioChannel(AxiGpio gpio, Mmio mmio, int channel, int width, Direction direction) {
        this.gpio = gpio;
        this.mmio = mmio;
        this.channel = channel;
        this.width = width;
        this.widthMask = width >= 32 ? 0xFFFF_FFFFL : (1L << width) - 1;
        this.data = AxiGpioLayout.dataOffset(channel);
        this.tri = AxiGpioLayout.triOffset(channel);
        this.direction = direction;
        this.triShadow = direction == Direction.OUTPUT ? 0 : widthMask;
    }

    /** 1 or 2. */
    public int number() {
        return channel;
    }

    /** The number of pins ({@code C_GPIO_WIDTH} or {@code C_GPIO2_WIDTH}). */
    public int width() {
        return width;
    }

    /** How software uses the pins now. */
    public synchronized Direction direction() {
        return direction;
    }

    /**
     * Sets how the pins are used and programs TRI accordingly (all ones for INPUT, zeros for OUTPUT;
     * INOUT leaves TRI to each read and write).
     */
    public synchronized void setDirection(Direction d) {
        direction = d;
        if (d != Direction.INOUT) {
            triShadow = d == Direction.INPUT ? widthMask : 0;
            mmio.write32(tri, (int) triShadow);
        }
    }

    /** Pin {@code index} as a one-pin slice. @throws IndexOutOfBoundsException if not in [0, width) */
    public GpioSlice pin(int index) {
        return pins(index, index + 1);
    }

    /**
     * Pins {@code [from, to)} (half-open, like PYNQ's {@code channel[from:to]}).
     *
     * @throws IndexOutOfBoundsException unless {@code 0 <= from < to <= width()}
     */
    public GpioSlice pins(int from, int to) {
        if (from < 0 || to > width || from >= to) {
            throw new IndexOutOfBoundsException("pins [" + from + ", " + to + ") of " + label() + ": need 0 <= from < to <= "
                    + width);
        }
        return new GpioSlice(this, from, to - from);
    }

    /** All pins of the channel, as one value. */
    public long read() {
        return read(widthMask);
    }

    /** Drives all pins; see {@link GpioSlice#write}. */
    public void write(long value) {
        pins(0, width).write(value);
    }

    synchronized long read(long mask) {
        switch (direction) {
            case OUTPUT:
                return shadow;
            case INOUT:
                if ((triShadow & mask) != mask) {
                    triShadow |= mask;
                    mmio.write32(tri, (int) triShadow);
                }
                return mmio.read32(data) & widthMask;
            default:
                return mmio.read32(data) & widthMask;
        }
    }

    synchronized void write(long value, long mask) {
        if (direction == Direction.INPUT) {
            throw new IllegalStateException(label() + " is an input; setDirection(Direction.OUTPUT) or INOUT to drive it");
        }
        if (direction == Direction.INOUT && (triShadow & mask) != 0) {
            triShadow &= ~mask;
            mmio.write32(tri, (int) triShadow);
        }
        shadow = (shadow & ~mask) | (value & mask);
        mmio.write32(data, (int) shadow);
    }

    void waitFor(long mask, long expected, Duration timeout) {
        Deadline d = Deadline.after(timeout);
        Interrupt irq = gpio.hasInterrupt("ip2intc_irpt") ? gpio.interrupt("ip2intc_irpt") : null;
        int bit = channel == 1 ? AxiGpioLayout.CHANNEL1_INT : AxiGpioLayout.CHANNEL2_INT;
        if (irq != null) {
            gpio.enableInterrupt(bit, true);
        }
        try {
            while ((read(mask) & mask) != expected) {
                if (d.expired()) {
                    throw new HardwareTimeoutException(label() + " pins 0x" + Long.toHexString(mask) + " did not read 0x"
                            + Long.toHexString(expected) + " in " + timeout + ": " + describe(), timeout, registers());
                }
                if (irq != null) {
                    if (irq.tryAwait(Duration.ofMillis(20))) {
                        gpio.clearInterrupt(bit);
                    }
                } else {
                    d.pause(label());
                }
            }
        } finally {
            if (irq != null) {
                gpio.enableInterrupt(bit, false);
                gpio.clearInterrupt(bit);
            }
        }
    }

    Map<String, Long> registers() {
        Map<String, Long> m = new LinkedHashMap<>();
        String p = channel == 1 ? "GPIO_" : "GPIO2_";
        m.put(p + "DATA", mmio.read(data));
        m.put(p + "TRI", mmio.read(tri));
        m.put("GIER", mmio.read(AxiGpioLayout.GIER));
        m.put("IP_ISR", mmio.read(AxiGpioLayout.IP_ISR));
        m.put("IP_IER", mmio.read(AxiGpioLayout.IP_IER));
        return m;
    }

    private String describe() {
        StringBuilder sb = new StringBuilder();
        registers().forEach((k, v) -> sb.append(sb.length() == 0 ? "" : ", ").append(k).append("=0x").append(Long.toHexString(v)));
        return sb.toString();
    }

    String label() {
        return "channel " + channel + " of " + gpio.name();
    }

    /** One line, e.g. {@code GpioChannel[channel 1 of axi_gpio_0, 4 pins, OUTPUT]}. */
    @Override
    public String toString() {
        return "GpioChannel[" + label() + ", " + width + " pins, " + direction() + "]";
    }
}
