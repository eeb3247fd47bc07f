package io.jynq.drivers.gpio;

/**
 * One multicolour LED driven by three pins of an AXI GPIO channel (PYNQ's {@code pynq.lib.RGBLED}):
 * bit 0 blue, bit 1 green, bit 2 red, so a colour is 0..7 ({@link #BLUE} 1 ... {@link #WHITE} 7).
 * On the PYNQ-Z1 and Z2 base overlays LD4 and LD5 are pins 2:0 and 5:3 of {@code rgbleds_gpio},
 * and PYNQ numbers them 4 and 5: {@code base.rgbleds.get(4).write(Rgbled.GREEN)}.
 *
 * <p>Writes change only this LED's three pins (the channel keeps a copy of all outputs); reads
 * return that copy, as PYNQ's {@code read()} returns its class-level value.
 */
public final class Rgbled {
    public static final int CLEAR = 0;
    public static final int BLUE = 1;
    public static final int GREEN = 2;
    public static final int CYAN = 3;
    public static final int RED = 4;
    public static final int MAGENTA = 5;
    public static final int YELLOW = 6;
    public static final int WHITE = 7;

    private final int index;
    private final GpioSlice pins;

    /**
     * LED {@code index} on pins {@code [3 (index - firstIndex), +3)} of {@code channel}.
     *
     * @throws IllegalArgumentException if {@code index < firstIndex}
     * @throws IndexOutOfBoundsException if the channel has no such pins
     */
    public Rgbled(GpioChannel channel, int index, int firstIndex) {
        if (index < firstIndex) {
            throw new IllegalArgumentException("RGB LED " + index + " is below the first index " + firstIndex);
        }
        int lsb = 3 * (index - firstIndex);
        this.index = index;
        this.pins = channel.pins(lsb, lsb + 3);
    }

    /** The LED's number, e.g. 4 for LD4. */
    public int index() {
        return index;
    }

    /**
     * Lights the LED in {@code color}.
     *
     * @throws IllegalArgumentException unless {@code 0 <= color <= 7}
     */
    public void on(int color) {
        if (color < 0 || color > 7) {
            throw new IllegalArgumentException("RGB LED colour must be 0..7 (bit 0 blue, 1 green, 2 red), got " + color);
        }
        pins.write(color);
    }

    /** Switches the LED off. */
    public void off() {
        pins.write(CLEAR);
    }

    /** Same as {@link #on(int)} (PYNQ's {@code write}). */
    public void write(int color) {
        on(color);
    }

    /** The colour last written, 0..7. */
    public int read() {
        return (int) pins.read();
    }

    @Override
    public String toString() {
        return "Rgbled[LD" + index + ", " + pins + "]";
    }
}
