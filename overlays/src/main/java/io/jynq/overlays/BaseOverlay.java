package io.jynq.overlays;

import io.jynq.drivers.gpio.AxiGpio;
import io.jynq.drivers.gpio.Direction;
import io.jynq.drivers.gpio.GpioChannel;
import io.jynq.drivers.gpio.GpioSlice;
import io.jynq.drivers.gpio.Rgbled;
import io.jynq.overlay.LoadOptions;
import io.jynq.overlay.Overlay;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The base overlay of a PYNQ board with its on-board LEDs, buttons and switches as lists (PYNQ's
 * {@code pynq.overlays.base.BaseOverlay}), for the PYNQ-Z1, PYNQ-Z2, ZCU104 and KV260 base
 * designs; which board is read from the design ({@link BaseBoard#of}).
 * <pre>{@code
 * var base = new BaseOverlay("base.bit");
 * base.leds.get(0).on();                       // PYNQ: base.leds[0].on()
 * long b1 = base.buttons.get(1).read();        // PYNQ: base.buttons[1].read()
 * base.rgbleds.get(4).write(Rgbled.GREEN);     // PYNQ: base.rgbleds[4].write(2)
 * for (var led : base.leds) led.toggle();
 * }</pre>
 *
 * <p>As PYNQ's: the channels are set up as PYNQ's {@code base.py} does (LEDs output, buttons and
 * switches input, their lengths), {@link #rgbleds} holds {@code null} at 0..3 so that LD4 is
 * {@code get(4)}, and a board without a kind of device (the KV260 has none) gets an empty list.
 * A list sets its channel up (direction, the one register write PYNQ makes in its constructor) on
 * its first {@code get} or iteration, so constructing a BaseOverlay touches no register.
 * When the overlay is not loaded ({@code LoadOptions.withoutDownload()}) every list is empty.
 * Every other IP is reached as on any {@link Overlay} ({@code base.ip("btns_gpio")}).
 */
public class BaseOverlay extends Overlay {
    /** The green LEDs LD0.. (output pins). */
    public final List<GpioSlice> leds;
    /** The push buttons BTN0.. (input pins). */
    public final List<GpioSlice> buttons;
    /** The slide switches SW0.. (input pins). */
    public final List<GpioSlice> switches;
    /** The multicolour LEDs, PYNQ-numbered: {@code null} at 0..3, LD4 and LD5 at 4 and 5 (PYNQ-Z1/Z2 only). */
    public final List<Rgbled> rgbleds;
    private final BaseBoard board;

    /**
     * Finds, parses and downloads a base overlay (e.g. {@code "base.bit"}, {@code "base"}).
     *
     * @throws IllegalArgumentException if it is not found, or is not a known board's base design
     * @throws io.jynq.device.DeviceException if the download fails
     */
    public BaseOverlay(String pathOrName) {
        this(pathOrName, LoadOptions.defaults());
    }

    /**
     * As {@link #BaseOverlay(String)} with options.
     *
     * @throws IllegalArgumentException if it is not found, or is not a known board's base design
     */
    public BaseOverlay(String pathOrName, LoadOptions options) {
        super(pathOrName, options);
        board = BaseBoard.of(metadata());
        boolean up = isLoaded();
        // each list sets its channel up on first use: constructing a BaseOverlay touches no register
        leds = up && board.leds != null ? new BoundOnFirstUse<>(board.ledCount,
                () -> pins(board.leds, board.ledCount, Direction.OUTPUT)) : List.of();
        buttons = up && board.buttons != null ? new BoundOnFirstUse<>(board.buttonCount,
                () -> pins(board.buttons, board.buttonCount, Direction.INPUT)) : List.of();
        switches = up && board.switches != null ? new BoundOnFirstUse<>(board.switchCount,
                () -> pins(board.switches, board.switchCount, Direction.INPUT)) : List.of();
        rgbleds = up && board.rgbleds != null ? new BoundOnFirstUse<>(4 + (int) ipDict().get(board.rgbleds)
                .parameterLong("C_GPIO_WIDTH", 32) / 3, () -> rgbleds(board.rgbleds)) : List.of();
    }

    /**
     * A list whose elements are made by {@code make} on the first {@link #get} (its size is known
     * from the design): PYNQ's {@code base.py} sets the channels' directions in its constructor;
     * here that register write waits until a pin is used, as every driver binds on first use.
     */
    private static final class BoundOnFirstUse<E> extends java.util.AbstractList<E> implements java.util.RandomAccess {
        private final int size;
        private final java.util.function.Supplier<List<E>> make;
        private List<E> elements;

        BoundOnFirstUse(int size, java.util.function.Supplier<List<E>> make) {
            this.size = size;
            this.make = make;
        }

        @Override
        public E get(int index) {
            java.util.Objects.checkIndex(index, size);
            return elements().get(index);
        }

        @Override
        public int size() {
            return size;
        }

        private synchronized List<E> elements() {
            if (elements == null) {
                elements = make.get();
            }
            return elements;
        }
    }

    /** The board this base design is for. */
    public BaseBoard board() {
        return board;
    }

    private List<GpioSlice> pins(String ip, int count, Direction d) {
        GpioChannel ch = ip(ip, AxiGpio.class).channel1();
        ch.setLength(count);
        ch.setDirection(d);
        return List.copyOf(ch.pins());
    }

    private List<Rgbled> rgbleds(String ip) {
        GpioChannel ch = ip(ip, AxiGpio.class).channel1();
        ch.setDirection(Direction.OUTPUT);
        List<Rgbled> l = new ArrayList<>(Arrays.asList(new Rgbled[4]));
        for (int i = 4; i < 4 + ch.width() / 3; i++) {
            l.add(new Rgbled(ch, i, 4));
        }
        return Collections.unmodifiableList(l);
    }
}
