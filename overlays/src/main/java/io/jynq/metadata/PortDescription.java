package io.jynq.metadata;

import java.util.List;

/**
 * A module port ({@code PORTS/PORT}). Ports sharing a {@code SIGNAME} are on the same net; see
 * {@link OverlayMetadata#nets()}.
 *
 * @param name port name, e.g. {@code s2mm_introut}
 * @param direction IN, OUT or INOUT, or null if the file gives another DIR
 * @param sigis signal kind: {@code undef}, {@code clk}, {@code rst}, {@code INTERRUPT}, {@code data}...
 * @param signame the net name
 * @param left MSB index of a vector port ({@code LEFT}), or null for a scalar
 * @param right LSB index of a vector port ({@code RIGHT}), or null for a scalar
 * @param sensitivity {@code SENSITIVITY} (e.g. {@code LEVEL_HIGH}, {@code EDGE_RISING}) or null
 * @param clkFrequencyHz {@code CLKFREQUENCY} in Hz, or null
 * @param connections the ports this port connects to, as listed in the file
 */
public record PortDescription(String name, PortDirection direction, String sigis, String signame,
        Integer left, Integer right, String sensitivity, Long clkFrequencyHz, List<PortRef> connections) {

    public PortDescription {
        connections = List.copyOf(connections);
    }

    /** Width in bits: {@code |left - right| + 1}, 1 for a scalar port. */
    public int widthBits() {
        return left == null || right == null ? 1 : Math.abs(left - right) + 1;
    }

    /** True if {@code SIGIS} is {@code INTERRUPT} (any case). */
    public boolean isInterrupt() {
        return "INTERRUPT".equalsIgnoreCase(sigis);
    }
}
