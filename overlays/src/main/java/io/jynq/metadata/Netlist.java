package io.jynq.metadata;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Stage 2 of {@link HwhParser}, PYNQ's nets and pins: every PORT's {@code SIGNAME} with the pins
 * ({@code <module fullpath>/<port>}, or the bare name of an external port) on it, and the reverse
 * map. A function of {@link ParsedHwh}; unmodifiable once made.
 *
 * @param nets SIGNAME (null for ports without one, as PYNQ's None key) to its pins, in file order
 * @param pins pin to its SIGNAME
 */
record Netlist(Map<String, Set<String>> nets, Map<String, String> pins) {

    static Netlist of(ParsedHwh p) {
        Builder b = new Builder();
        for (ParsedHwh.Located lm : p.modules()) {
            String prefix = lm.module().fullpath().concat("/");
            for (PortDescription port : lm.allPorts()) {
                b.pin(port.signame(), prefix.concat(port.name()));
            }
        }
        for (PortDescription port : p.externalPorts()) {
            b.pin(port.signame(), port.name());
        }
        for (Map.Entry<String, Set<String>> e : b.nets.entrySet()) {
            b.pins(e.getKey(), e.getValue());
            e.setValue(Collections.unmodifiableSet(e.getValue()));
        }
        return new Netlist(Collections.unmodifiableMap(b.nets), Collections.unmodifiableMap(b.pins));
    }

    /** The pins on {@code signame}, sorted (PYNQ walks a set; sorted makes the order stable). */
    List<String> sortedPins(String signame) {
        Set<String> s = nets.get(signame);
        if (s == null) {
            return List.of();
        }
        List<String> l = new ArrayList<>(s);
        Collections.sort(l);
        return l;
    }

    /** The net {@code pin} is on, or null. */
    String netOf(String pin) {
        return pins.get(pin);
    }

    // Only Netlist.of uses it, and drops it when it returns. pin and pins are loop bodies as
    // methods so that the JIT compiles them within a first parse (see HwhReader.step); plain code
    // rather than lambdas, whose first use costs a bootstrap in the cold parse.
    private static final class Builder {
        final Map<String, Set<String>> nets = new LinkedHashMap<>(4096);
        final Map<String, String> pins = new HashMap<>(8192);

        void pin(String signame, String pin) {
            Set<String> s = nets.get(signame);
            if (s == null) {
                s = new LinkedHashSet<>();
                nets.put(signame, s);
            }
            s.add(pin);
        }

        void pins(String signame, Set<String> members) {
            for (String pin : members) {
                pins.put(pin, signame);
            }
        }
    }
}
