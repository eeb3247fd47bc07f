package io.jynq.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jynq.testing.SharedData;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Re-keying of GPIO and interrupt pins on a partial download (PYNQ's {@code _update_pr_gpio} and
 * {@code _update_pr_intr_pins}) with the real KV260 DFX design and its real partial for
 * {@code composable/pr_2}. Neither real design wires a PS GPIO or an interrupt across the region,
 * so the test adds, to the full design, one of each on the region's reset port
 * {@code clk_300MHz_aresetn}, which the real partial routes to its IP's reset inputs.
 */
class PartialRegionPinsTest {
    private static final String REGION = "composable/pr_2";
    private static final String PORT = REGION + "/clk_300MHz_aresetn";

    @Test
    void aBoundaryPinMovesIntoThePartialAndOtherPinsStay() {
        OverlayMetadata full = HwhParser.parse(SharedData.hwh("kv260_cv_dfx_3_pr.hwh"));
        OverlayMetadata partial = HwhParser.parse(SharedData.hwh("kv260_pr2_add_partial.hwh"));
        Map<String, GpioEntry> gpio = new LinkedHashMap<>(full.gpioDict());
        gpio.put("pr2_reset", new GpioEntry("pr2_reset", 3, List.of("pr2_reset/Dout", PORT)));
        Map<String, InterruptPin> irq = new LinkedHashMap<>(full.interruptPins());
        irq.put(PORT, new InterruptPin(PORT, "axi_intc", 5, 126));
        OverlayMetadata base = new OverlayMetadata(full.source(), full.systemInfo(), full.partial(), full.processingSystem(),
                full.ipDict(), gpio, full.interruptControllers(), irq, full.hierarchyDict(), full.memDict(),
                full.clockDict(), full.modules(), full.nets(), full.busConnections(), full.interruptConnections());

        OverlayMetadata merged = PartialRegions.merge(base, REGION, partial);

        Net reset = partial.nets().values().stream().filter(n -> n.pins().contains("clk_300MHz_aresetn")).findFirst().orElseThrow();
        List<String> pins = merged.gpioDict().get("pr2_reset").pins();
        for (String p : reset.pins()) {
            assertTrue(pins.contains(REGION + "/" + p), p + " joins the GPIO entry: " + pins);
        }
        assertTrue(pins.contains("pr2_reset/Dout") && pins.contains(PORT), "the entry keeps its own pins");
        assertEquals(3, merged.gpioDict().get("pr2_reset").index());

        assertFalse(merged.interruptPins().containsKey(PORT), "the boundary key is gone");
        String moved = merged.interruptPins().keySet().stream().filter(k -> k.startsWith(REGION + "/")).findFirst().orElseThrow();
        assertTrue(reset.pins().contains(moved.substring(REGION.length() + 1)), moved + " is on the reset net");
        assertTrue(moved.chars().filter(c -> c == '/').count() >= 3, "the deepest pin: an IP's port inside the region");
        InterruptPin v = merged.interruptPins().get(moved);
        assertEquals(moved, v.fullpath());
        assertEquals(5, v.index());
        assertEquals(126, v.rawIrq());
        for (String k : full.interruptPins().keySet()) {
            assertEquals(full.interruptPins().get(k), merged.interruptPins().get(k), "untouched: " + k);
        }
    }
}
