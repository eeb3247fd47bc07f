package io.jynq.device.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jynq.metadata.HwhParser;
import io.jynq.metadata.InterruptPin;
import io.jynq.metadata.ModuleDescription;
import io.jynq.metadata.OverlayMetadata;
import io.jynq.testing.DspLoopback;
import io.jynq.testing.SharedData;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The simulator routes interrupts forwards (source to PS) while PYNQ's parser walks them
 * backwards (PS to source): on real designs both must agree. For every IP output pin in
 * {@code interrupt_pins}, the route reaches its controller's {@code intr} bit {@code index}, or,
 * for a pin wired straight to the PS, its raw IRQ.
 */
class InterruptRouterTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"dsp_loopback", "pynqz1_base.hwh", "pynqz1_logictools.hwh", "ultra96_sensors96b.hwh",
            "kv260_cv_dfx_3_pr.hwh"})
    void forwardRoutesAgreeWithPynqsInterruptPins(String file) {
        OverlayMetadata md = file.equals("dsp_loopback") ? DspLoopback.metadata() : HwhParser.parse(SharedData.hwh(file));
        InterruptRouter router = new InterruptRouter(md);
        Map<String, ModuleDescription> byPath = new HashMap<>();
        md.modules().values().forEach(m -> byPath.put(m.fullpath(), m));
        List<String> mismatches = new ArrayList<>();
        int checked = 0;
        for (InterruptPin pin : md.interruptPins().values()) {
            int slash = pin.fullpath().lastIndexOf('/');
            ModuleDescription m = byPath.get(pin.fullpath().substring(0, slash));
            String port = pin.fullpath().substring(slash + 1);
            if (m == null || "xlconcat".equals(m.modType()) || m.ports().get(port) == null
                    || m.ports().get(port).direction() != io.jynq.metadata.PortDirection.OUT) {
                continue;  // PYNQ also lists concat inputs and hierarchy pins; only IP outputs drive
            }
            checked++;
            List<InterruptRouter.Target> targets = router.route(m.fullpath(), port);
            boolean found = targets.stream().anyMatch(t -> pin.controller().isEmpty()
                    ? pin.rawIrq() != null && pin.rawIrq().equals(t.rawIrq())
                    : t.fullpath().equals(pin.controller()) && t.port().equals("intr") && t.bit() == pin.index());
            if (!found) {
                mismatches.add(pin + " -> " + targets);
            }
        }
        assertTrue(checked > 0, "no IP interrupt outputs in " + file);
        assertEquals(List.of(), mismatches);
    }
}
