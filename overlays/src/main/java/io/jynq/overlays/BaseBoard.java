package io.jynq.overlays;

import io.jynq.metadata.OverlayMetadata;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * The boards whose base designs {@link BaseOverlay} knows, with where each design keeps its LEDs,
 * buttons and switches, as PYNQ's board packages wire them ({@code boards/Pynq-Z1/base/base.py},
 * {@code boards/Pynq-Z2/base/base.py}, {@code boards/ZCU104/base/base.py}, Kria-PYNQ
 * {@code kv260/base/base.py}): IP name, number of pins (PYNQ's {@code setlength}), and for the
 * Zynq-7000 boards the RGB LEDs LD4 and LD5 on {@code rgbleds_gpio}.
 */
public enum BaseBoard {
    /** PYNQ-Z1: 4 LEDs, 4 buttons, 2 switches, RGB LEDs 4 and 5. */
    PYNQ_Z1("pynq-z1", "leds_gpio", 4, "btns_gpio", 4, "switches_gpio", 2, "rgbleds_gpio",
            md -> md.ipDict().containsKey("leds_gpio") && md.ipDict().containsKey("rgbleds_gpio")),
    /** PYNQ-Z2: as the Z1, plus the Raspberry Pi header (its {@code iop_rpi} tells them apart). */
    PYNQ_Z2("pynq-z2", "leds_gpio", 4, "btns_gpio", 4, "switches_gpio", 2, "rgbleds_gpio",
            md -> md.hierarchyDict().containsKey("iop_rpi") || md.gpioDict().containsKey("pmoda_rp_pin_sel")),
    /** ZCU104: 4 LEDs, 4 buttons, 4 DIP switches, no RGB LEDs. */
    ZCU104("zcu104", "gpio_leds", 4, "gpio_btns", 4, "gpio_sws", 4, null,
            md -> md.ipDict().containsKey("gpio_leds")),
    /** KV260: its base design has no user LEDs, buttons or switches (only the Pmod IOP). */
    KV260("kv260", null, 0, null, 0, null, 0, null,
            md -> md.hierarchyDict().containsKey("iop_pmod0"));

    final String id;
    final String leds;
    final int ledCount;
    final String buttons;
    final int buttonCount;
    final String switches;
    final int switchCount;
    final String rgbleds;
    private final Predicate<OverlayMetadata> looksLike;

    BaseBoard(String id, String leds, int ledCount, String buttons, int buttonCount, String switches, int switchCount,
            String rgbleds, Predicate<OverlayMetadata> looksLike) {
        this.id = id;
        this.leds = leds;
        this.ledCount = ledCount;
        this.buttons = buttons;
        this.buttonCount = buttonCount;
        this.switches = switches;
        this.switchCount = switchCount;
        this.rgbleds = rgbleds;
        this.looksLike = looksLike;
    }

    /** The board's name as PYNQ spells its folder in lower case, e.g. {@code pynq-z1}. */
    public String id() {
        return id;
    }

    /** This board, if {@code md} has the IP it names; a design of the board that is not its base design fails. */
    private BaseBoard requireIps(OverlayMetadata md) {
        List<String> missing = new ArrayList<>();
        for (String ip : Arrays.asList(leds, buttons, switches, rgbleds)) {
            if (ip != null && !md.ipDict().containsKey(ip)) {
                missing.add(ip);
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException(md.source() + " is a " + id + " design but not the base design of the "
                    + id + ": it has no " + missing + "; load it with new Overlay(...) instead");
        }
        return this;
    }

    /**
     * The board a design was made for: the {@code .hwh}'s {@code SYSTEMINFO BOARD} part when it
     * names one of these boards (e.g. {@code xilinx.com:kv260_som:part0:1.3}), else the design's
     * shape (PYNQ-Z1 base designs carry no BOARD: the Z2 is the one with the Raspberry Pi IOP).
     *
     * @throws IllegalArgumentException if the design is none of these boards' base designs
     */
    public static BaseBoard of(OverlayMetadata md) {
        String board = md.systemInfo() == null || md.systemInfo().board() == null ? ""
                : md.systemInfo().board().toLowerCase(Locale.ROOT).replace('_', '-');
        for (BaseBoard b : new BaseBoard[] {PYNQ_Z2, PYNQ_Z1, ZCU104, KV260}) {
            if (board.contains(b.id)) {
                return b.requireIps(md);
            }
        }
        for (BaseBoard b : new BaseBoard[] {ZCU104, KV260, PYNQ_Z2, PYNQ_Z1}) {
            if (b.looksLike.test(md)) {
                return b;
            }
        }
        throw new IllegalArgumentException(md.source() + " is not the base design of a PYNQ-Z1, PYNQ-Z2, ZCU104 or"
                + " KV260 (board \"" + board + "\"; no leds_gpio + rgbleds_gpio, gpio_leds or iop_pmod0); load it with"
                + " new Overlay(...) instead");
    }
}
