package io.jynq.metadata;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Stage 2 of {@link HwhParser}, PYNQ's gpio_dict and interrupt tracing: functions of
 * {@link ParsedHwh}, the {@link PynqRules.Tables} and the {@link Netlist}, whose results are
 * unmodifiable. GPIO: a module with an input PORT connected to the PS's {@code GPIO_O} (Zynq) or
 * {@code emio_gpio_o} (ZynqMP) is a slice; its {@code DIN_FROM} is the index and the
 * {@code <name>/Dout} pin on each output net names the entry. Interrupts: from the PS pin
 * {@code IRQ_F2P} (raw IRQs 61..68, 84..91) or {@code pl_ps_irq0} (121..128) /
 * {@code pl_ps_irq1} (136..143), through {@code xlconcat} inputs {@code In0..In<NUM_PORTS-1>}
 * (one line each) and {@code axi_intc} ({@code irq} out, {@code intr} in, lines from 0).
 */
final class InterruptRules {
    private InterruptRules() {}

    /**
     * PYNQ's interrupt_controllers and interrupt_pins.
     *
     * @param controllers each {@code axi_intc} reached from the PS, by fullpath
     * @param pins each interrupt pin reached, by {@code <module>/<port>}
     */
    record Interrupts(Map<String, InterruptController> controllers, Map<String, InterruptPin> pins) {}

    /**
     * PYNQ's gpio_dict: PS GPIO slices by the name of the pin they drive.
     *
     * @throws MetadataException for a slice without a decimal DIN_FROM or without a
     *     {@code <name>/Dout} pin on an output net
     */
    static Map<String, GpioEntry> gpio(ParsedHwh p, PynqRules.Tables t, Netlist nl) {
        if (t.arch() == null) {
            return Map.of();
        }
        LinkedHashMap<String, GpioEntry> gpioDict = new LinkedHashMap<>();
        String gpioPort = t.arch() == Arch.ZYNQ ? "GPIO_O" : "emio_gpio_o";
        String psName = t.psName();
        for (ParsedHwh.Located lm : p.modules()) {
            if (!drivenByPsGpio(lm, psName, gpioPort)) {
                continue;
            }
            ModuleDescription m = lm.module();
            String dinText = m.parameter("DIN_FROM");
            int din;
            try {
                din = Integer.parseInt(dinText == null ? "" : dinText.strip());
            } catch (NumberFormatException e) {
                throw p.error(lm.offset(), "slice " + m.fullpath() + " on PS " + gpioPort + ": DIN_FROM "
                        + (dinText == null ? "missing" : "\"" + Numbers.shorten(dinText) + "\"")
                        + "; expected the decimal GPIO index");
            }
            for (PortDescription port : lm.allPorts()) {
                if (port.direction() != PortDirection.OUT) {
                    continue;
                }
                List<String> members = nl.sortedPins(port.signame());
                String name = "";
                for (String pin : members) {
                    int at = pin.lastIndexOf("/Dout");
                    if (at >= 0) {
                        name = pin.substring(0, at);
                        break;
                    }
                }
                if (name.isEmpty()) {
                    throw p.error(lm.offset(), "slice " + m.fullpath() + ": no <name>/Dout pin on output net "
                            + port.signame() + "; expected the slice's Dout to name the GPIO");
                }
                gpioDict.put(name, new GpioEntry(name, din, members));
            }
        }
        return FrozenMap.adopt(gpioDict);
    }

    private static boolean drivenByPsGpio(ParsedHwh.Located lm, String psName, String gpioPort) {
        for (PortDescription port : lm.allPorts()) {
            if (port.direction() == PortDirection.IN) {
                for (PortRef c : port.connections()) {
                    if (psName.equals(c.instance()) && gpioPort.equals(c.port())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /**
     * Traces the interrupt lines from the PS's interrupt inputs back to the IP.
     *
     * @throws MetadataException for an xlconcat without a numeric NUM_PORTS, an interrupt loop,
     *     or more lines than the PS input has
     */
    static Interrupts interrupts(ParsedHwh p, PynqRules.Tables t, Netlist nl) {
        if (t.arch() == null) {
            return new Interrupts(Map.of(), Map.of());
        }
        Map<String, int[]> family = new LinkedHashMap<>();
        if (t.arch() == Arch.ZYNQ) {
            family.put("IRQ_F2P", new int[] {61, 62, 63, 64, 65, 66, 67, 68, 84, 85, 86, 87, 88, 89, 90, 91});
        } else {
            family.put("pl_ps_irq0", new int[] {121, 122, 123, 124, 125, 126, 127, 128});
            family.put("pl_ps_irq1", new int[] {136, 137, 138, 139, 140, 141, 142, 143});
        }
        Walk w = new Walk(p, t, nl);
        for (Map.Entry<String, int[]> e : family.entrySet()) {
            String pin = PynqRules.join(t.psName(), e.getKey());
            if (nl.pins().containsKey(pin)) {
                w.addPins(nl.netOf(pin), "", 0, e.getValue(), pin);
            }
        }
        return new Interrupts(FrozenMap.adopt(w.controllers), FrozenMap.adopt(w.pins));
    }

    /** One trace's state; made and dropped by {@link #interrupts}, never shared. */
    private static final class Walk {
        private final ParsedHwh p;
        private final PynqRules.Tables t;
        private final Netlist nl;
        final LinkedHashMap<String, InterruptController> controllers = new LinkedHashMap<>();
        final LinkedHashMap<String, InterruptPin> pins = new LinkedHashMap<>();
        private final Set<String> walking = new HashSet<>();

        Walk(ParsedHwh p, PynqRules.Tables t, Netlist nl) {
            this.p = p;
            this.t = t;
            this.nl = nl;
        }

        int addPins(String net, String parent, int offset, int[] rawMap, String psPin) {
            List<String> netPins = PynqRules.truthy(net) ? nl.sortedPins(net) : List.of();
            for (String pin : netPins) {
                int at = pin.lastIndexOf("/dout");
                if (at >= 0) {
                    String name = pin.substring(0, at);
                    if (t.concatCells().containsKey(name)) {
                        return addConcat(name, parent, offset, rawMap, psPin);
                    }
                }
                at = pin.lastIndexOf("/irq");
                if (at >= 0) {
                    String name = pin.substring(0, at);
                    if (t.intcNames().contains(name)) {
                        enter(name);
                        addPins(nl.netOf(name.concat("/intr")), name, 0, null, psPin);
                        walking.remove(name);
                        controllers.put(name, new InterruptController(name, parent, offset, raw(rawMap, offset, psPin)));
                        return offset + 1;
                    }
                }
            }
            Integer raw = raw(rawMap, offset, psPin);
            for (String pin : netPins) {
                pins.put(pin, new InterruptPin(pin, parent, offset, raw));
            }
            return offset + 1;
        }

        private int addConcat(String name, String parent, int offset, int[] rawMap, String psPin) {
            String n = t.concatCells().get(name);
            int numPorts;
            try {
                numPorts = Integer.parseInt(n == null ? "" : n.strip());
            } catch (NumberFormatException e) {
                numPorts = -1;
            }
            if (numPorts < 0 || numPorts > 4096) {
                throw p.error(p.offsetOf(name), "xlconcat " + name + ": NUM_PORTS "
                        + (n == null ? "missing" : "\"" + Numbers.shorten(n) + "\"") + "; expected a port count");
            }
            enter(name);
            for (int i = 0; i < numPorts; i++) {
                offset = addPins(nl.netOf(name.concat("/In").concat(Integer.toString(i))), parent, offset, rawMap, psPin);
            }
            walking.remove(name);
            return offset;
        }

        private void enter(String name) {
            if (!walking.add(name)) {
                throw p.error(p.offsetOf(name), "interrupt loop through " + name
                        + "; expected interrupt lines to flow from IP to the PS without cycles");
            }
        }

        private Integer raw(int[] rawMap, int offset, String psPin) {
            if (rawMap == null) {
                return null;
            }
            if (offset >= rawMap.length) {
                throw p.error(t.ps().offset(), "more than " + rawMap.length + " interrupt lines on " + psPin
                        + "; expected at most " + rawMap.length);
            }
            return rawMap[offset];
        }
    }
}
