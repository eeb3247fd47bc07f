package io.jynq.render.overlay;

import io.jynq.metadata.GpioEntry;
import io.jynq.metadata.Hierarchy;
import io.jynq.metadata.InterruptController;
import io.jynq.metadata.InterruptPin;
import io.jynq.metadata.IpDescription;
import io.jynq.render.Grid;
import java.util.Map;

/**
 * PYNQ's dictionaries as tables, one row per entry: {@code ipDict()} (and {@code memDict()}),
 * {@code interruptPins()}, {@code interruptControllers()}, {@code gpioDict()},
 * {@code hierarchyDict()}. A raw IRQ is shown only where it exists (an interrupt wired to the PS).
 */
public final class DictTables {
    private DictTables() {
    }

    /** IP by name: the overlay view's columns (name, VLNV, address, range, interrupts). */
    public static Grid ips(Map<String, IpDescription> ips) {
        Grid g = new Grid(ips.size() + " IP", "IP", "type", "address", "range", "interrupts");
        ips.forEach((name, ip) -> g.row(name, ip.processingSystem() ? ip.type() + " (processing system)" : ip.type(),
                ip.addrRange() > 0 ? Hex.of(ip.physAddr()) : "", ip.addrRange() > 0 ? Hex.bytes(ip.addrRange()) : "",
                String.join(", ", ip.interrupts().keySet())));
        return g;
    }

    public static Grid interruptPins(Map<String, InterruptPin> pins) {
        Grid g = new Grid(pins.size() + " interrupt pins", "pin", "controller", "index", "raw IRQ");
        pins.forEach((name, p) -> g.row(name, p.controller(), p.index(), p.rawIrq()));
        return g;
    }

    public static Grid interruptControllers(Map<String, InterruptController> controllers) {
        Grid g = new Grid(controllers.size() + " interrupt controllers", "controller", "parent", "index", "raw IRQ");
        controllers.forEach((name, c) -> g.row(name, c.parent().isEmpty() ? "(PS)" : c.parent(), c.index(), c.rawIrq()));
        return g;
    }

    public static Grid gpio(Map<String, GpioEntry> gpio) {
        Grid g = new Grid(gpio.size() + " PS GPIO", "name", "index", "pins");
        gpio.forEach((name, e) -> g.row(name, e.index(), String.join(", ", e.pins())));
        return g;
    }

    public static Grid hierarchies(Map<String, Hierarchy> hierarchies) {
        Grid g = new Grid(hierarchies.size() + " hierarchies", "hierarchy", "IP", "sub-hierarchies");
        hierarchies.forEach((name, h) -> g.row(name, String.join(", ", h.ip().keySet()),
                String.join(", ", h.hierarchies().keySet())));
        return g;
    }

    /**
     * The table for a map whose values are all of one dictionary type, or null for any other map
     * (an empty map too: it shows as {@code {}}).
     */
    @SuppressWarnings("unchecked")
    public static Grid of(Map<?, ?> map) {
        if (map.isEmpty() || !map.keySet().stream().allMatch(k -> k instanceof String)) {
            return null;
        }
        Class<?> type = null;
        for (Object v : map.values()) {
            Class<?> t = v == null ? null : v.getClass();
            if (t == null || (type != null && t != type)) {
                return null;
            }
            type = t;
        }
        if (type == IpDescription.class) {
            return ips((Map<String, IpDescription>) map);
        } else if (type == InterruptPin.class) {
            return interruptPins((Map<String, InterruptPin>) map);
        } else if (type == InterruptController.class) {
            return interruptControllers((Map<String, InterruptController>) map);
        } else if (type == GpioEntry.class) {
            return gpio((Map<String, GpioEntry>) map);
        } else if (type == Hierarchy.class) {
            return hierarchies((Map<String, Hierarchy>) map);
        }
        return null;
    }
}
