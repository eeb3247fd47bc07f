package io.jynq.metadata;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * PYNQ's gpio_dict and interrupt tracing. GPIO: a module with an input PORT connected to the PS's
 * {@code GPIO_O} (Zynq) or {@code emio_gpio_o} (ZynqMP) is a slice; its {@code DIN_FROM} is the
 * index and the {@code <name>/Dout} pin on each output net names the entry. Interrupts: from the
 * PS pin {@code IRQ_F2P} (raw IRQs 61..68, 84..91) or {@code pl_ps_irq0} (121..128) /
 * {@code pl_ps_irq1} (136..143), through {@code xlconcat} inputs {@code In0..In<NUM_PORTS-1>}
 * (one line each) and {@code axi_intc} ({@code irq} out, {@code intr} in, lines from 0).
 */
final class InterruptRules {
    private final PynqRules r;
    private final ParsedHwh p;
    final Map<String, GpioEntry> gpioDict = new LinkedHashMap<>();
    final Map<String, InterruptController> controllers = new LinkedHashMap<>();
    final Map<String, InterruptPin> interruptPins = new LinkedHashMap<>();
    private final Set<String> walking = new HashSet<>();

    InterruptRules(PynqRules r, ParsedHwh p) {
        this.r = r;
        this.p = p;
    }

    void gpio() {
        if (r.arch == null) {
            return;
        }
        String gpioPort = r.arch == Arch.ZYNQ ? "GPIO_O" : "emio_gpio_o";
        for (ParsedHwh.Located lm : p.modules()) {
            if (!drivenByPsGpio(lm, gpioPort)) {
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
                List<String> members = sorted(r.nets.get(port.signame()));
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
    }

    private boolean drivenByPsGpio(ParsedHwh.Located lm, String gpioPort) {
        for (PortDescription port : lm.allPorts()) {
            if (port.direction() == PortDirection.IN) {
                for (PortRef c : port.connections()) {
                    if (r.psName.equals(c.instance()) && gpioPort.equals(c.port())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    void interrupts() {
        if (r.arch == null) {
            return;
        }
        Map<String, int[]> family = new LinkedHashMap<>();
        if (r.arch == Arch.ZYNQ) {
            family.put("IRQ_F2P", new int[] {61, 62, 63, 64, 65, 66, 67, 68, 84, 85, 86, 87, 88, 89, 90, 91});
        } else {
            family.put("pl_ps_irq0", new int[] {121, 122, 123, 124, 125, 126, 127, 128});
            family.put("pl_ps_irq1", new int[] {136, 137, 138, 139, 140, 141, 142, 143});
        }
        for (Map.Entry<String, int[]> e : family.entrySet()) {
            String pin = PynqRules.join(r.psName, e.getKey());
            if (r.pins.containsKey(pin)) {
                addPins(r.pins.get(pin), "", 0, e.getValue(), pin);
            }
        }
    }

    private int addPins(String net, String parent, int offset, int[] rawMap, String psPin) {
        List<String> netPins = PynqRules.truthy(net) ? sorted(r.nets.get(net)) : List.of();
        for (String pin : netPins) {
            int at = pin.lastIndexOf("/dout");
            if (at >= 0) {
                String name = pin.substring(0, at);
                if (r.concatCells.containsKey(name)) {
                    return addConcat(name, parent, offset, rawMap, psPin);
                }
            }
            at = pin.lastIndexOf("/irq");
            if (at >= 0) {
                String name = pin.substring(0, at);
                if (r.intcNames.contains(name)) {
                    enter(name);
                    addPins(r.pins.get(name.concat("/intr")), name, 0, null, psPin);
                    walking.remove(name);
                    controllers.put(name, new InterruptController(name, parent, offset, raw(rawMap, offset, psPin)));
                    return offset + 1;
                }
            }
        }
        Integer raw = raw(rawMap, offset, psPin);
        for (String pin : netPins) {
            interruptPins.put(pin, new InterruptPin(pin, parent, offset, raw));
        }
        return offset + 1;
    }

    private int addConcat(String name, String parent, int offset, int[] rawMap, String psPin) {
        String n = r.concatCells.get(name);
        int numPorts;
        try {
            numPorts = Integer.parseInt(n == null ? "" : n.strip());
        } catch (NumberFormatException e) {
            numPorts = -1;
        }
        if (numPorts < 0 || numPorts > 4096) {
            throw p.error(r.byInstanceOffset(name), "xlconcat " + name + ": NUM_PORTS "
                    + (n == null ? "missing" : "\"" + Numbers.shorten(n) + "\"") + "; expected a port count");
        }
        enter(name);
        for (int i = 0; i < numPorts; i++) {
            offset = addPins(r.pins.get(name.concat("/In").concat(Integer.toString(i))), parent, offset, rawMap, psPin);
        }
        walking.remove(name);
        return offset;
    }

    private void enter(String name) {
        if (!walking.add(name)) {
            throw p.error(r.byInstanceOffset(name), "interrupt loop through " + name
                    + "; expected interrupt lines to flow from IP to the PS without cycles");
        }
    }

    private Integer raw(int[] rawMap, int offset, String psPin) {
        if (rawMap == null) {
            return null;
        }
        if (offset >= rawMap.length) {
            throw p.error(r.ps.offset(), "more than " + rawMap.length + " interrupt lines on " + psPin
                    + "; expected at most " + rawMap.length);
        }
        return rawMap[offset];
    }

    static List<String> sorted(Set<String> s) {
        if (s == null) {
            return List.of();
        }
        List<String> l = new ArrayList<>(s);
        Collections.sort(l);
        return l;
    }
}
