package io.jynq.drivers.gpio;

import io.jynq.error.HardwareTimeoutException;
import io.jynq.ip.AxiGpioLayout;
import io.jynq.mmio.Mmio;
import io.jynq.overlay.Deadline;
import io.jynq.overlay.Interrupt;
import java.time.Duration;
import java.util.AbstractList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One channel of an {@link AxiGpio}: up to 32 pins, DATA at {@code (channel - 1) * 8} and TRI
 * four bytes above (PG144 v2.0, "Registers"). Writes go through a software copy of the outputs,
 * so writing some pins never disturbs the others (PYNQ's rule).
 *
 * <p>As PYNQ's {@code Channel}: its pins iterate and index ({@code for (var led : ch)},
 * {@code ch.get(0)}), {@link #setLength} says how many there are (PYNQ's {@code setlength};
 * initially the {@code .hwh} width), {@link #write(long, long)} drives the pins of a mask.
 */
public final class GpioChannel implements Iterable<GpioSlice> {
    private final AxiGpio gpio;
    private final Mmio mmio;
    private final int channel;
    private final int width;
    private final long widthMask;
    private final int data;
    private final int tri;
    private Direction direction;
    private int length;
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
        this.length = width;
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
     * INOUT leaves TRI to each read and write); PYNQ's {@code setdirection}.
     */
    public synchronized void setDirection(Direction d) {
        direction = d;
        if (d != Direction.INOUT) {
            triShadow = d == Direction.INPUT ? widthMask : 0;
            mmio.write32(tri, (int) triShadow);
        }
    }

    /**
     * As {@link #setDirection(Direction)} with PYNQ's words: {@code "in"}, {@code "out"} or {@code "inout"}.
     *
     * @throws IllegalArgumentException for another word
     */
    public void setDirection(String direction) {
        setDirection(Direction.of(direction));
    }

    /** How many pins {@link #get}, {@link #iterator} and {@link #pins()} offer (PYNQ's {@code len(channel)}). */
    public synchronized int length() {
        return length;
    }

    /**
     * Sets how many pins the channel offers, from pin 0 (PYNQ's {@code setlength}); a base
     * overlay's LEDs are 4 of a wider channel. Registers are not touched.
     *
     * @throws IllegalArgumentException unless {@code 1 <= n <= width()}
     */
    public synchronized void setLength(int n) {
        if (n < 1 || n > width) {
            throw new IllegalArgumentException("length of " + label() + " must be 1.." + width + " (C_GPIO_WIDTH), got " + n);
        }
        length = n;
    }

    /** Pin {@code index} as a one-pin slice. @throws IndexOutOfBoundsException if not in [0, width) */
    public GpioSlice pin(int index) {
        return pins(index, index + 1);
    }

    /**
     * Pin {@code index} (PYNQ's {@code channel[i]}).
     *
     * @throws IndexOutOfBoundsException unless {@code 0 <= index < length()}
     */
    public GpioSlice get(int index) {
        int n = length();
        if (index < 0 || index >= n) {
            throw new IndexOutOfBoundsException("pin " + index + " of " + label() + ": it has " + n + " pins"
                    + (n < width ? " (setLength(" + width + ") offers all " + width + ")" : ""));
        }
        return pin(index);
    }

    /** The pins 0..length()-1, one slice each, as a list fixed at this call's length. */
    public List<GpioSlice> pins() {
        int n = length();
        return new AbstractList<>() {
            @Override
            public GpioSlice get(int index) {
                return GpioChannel.this.get(java.util.Objects.checkIndex(index, n));
            }

            @Override
            public int size() {
                return n;
            }
        };
    }

    /** Pins 0..length()-1 in order. */
    @Override
    public Iterator<GpioSlice> iterator() {
        return pins().iterator();
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

    /**
     * Drives the pins set in {@code mask} to {@code value}'s bits, the others keep their value
     * (PYNQ's {@code Channel.write(val, mask)}): one write of GPIO_DATA from the software copy.
     *
     * @throws IllegalArgumentException if {@code mask} has bits beyond the channel's width
     * @throws IllegalStateException if the channel is an input
     */
    public void write(long value, long mask) {
        if ((mask & ~widthMask) != 0) {
            throw new IllegalArgumentException("mask 0x" + Long.toHexString(mask) + " has bits beyond the " + width
                    + " pins of " + label());
        }
        writeMasked(value, mask);
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

    synchronized void writeMasked(long value, long mask) {
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
