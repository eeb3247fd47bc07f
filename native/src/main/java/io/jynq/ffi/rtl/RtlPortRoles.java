package io.jynq.ffi.rtl;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which toplevel port plays which part for the shim: {@code CLK}, {@code RST}, the AXI4-Lite
 * slave ({@code L_AWADDR} ... {@code L_RREADY}), the stream slave ({@code SI_TDATA},
 * {@code SI_TVALID}, {@code SI_TREADY}, {@code SI_TLAST}, {@code SI_TKEEP}), the stream master
 * ({@code SO_...}) and {@code IRQ}. A group is present when all of its required roles are.
 *
 * @param roles role to port name
 * @param resetActiveLow whether {@code RST} is asserted low ({@code aresetn}, {@code ap_rst_n})
 */
public record RtlPortRoles(Map<String, String> roles, boolean resetActiveLow) {
    /** Roles an AXI4-Lite slave must have; WSTRB, BRESP and RRESP are optional. */
    public static final List<String> LITE = List.of("AWADDR", "AWVALID", "AWREADY", "WDATA", "WVALID", "WREADY",
            "BVALID", "BREADY", "ARADDR", "ARVALID", "ARREADY", "RDATA", "RVALID", "RREADY");
    /** Optional AXI4-Lite roles. */
    public static final List<String> LITE_OPTIONAL = List.of("WSTRB", "BRESP", "RRESP");
    /** Roles a stream port must have; TLAST and TKEEP are optional. */
    public static final List<String> STREAM = List.of("TDATA", "TVALID", "TREADY");
    /** Optional stream roles. */
    public static final List<String> STREAM_OPTIONAL = List.of("TLAST", "TKEEP");

    public RtlPortRoles {
        roles = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(roles));
    }

    /** Whether every role of {@code prefix} + {@code required} is assigned. */
    public boolean hasGroup(String prefix, List<String> required) {
        return required.stream().allMatch(r -> roles.containsKey(prefix + r));
    }

    /**
     * The shim's {@code jynq_ports.h}: one macro per role, {@code JR_HAS_*} per present group.
     *
     * @throws RtlBuildException naming the port if the clock is missing, a stream is wider than
     *     64 bits or the AXI4-Lite data is not 32 bits
     */
    String header(String top, List<RtlPort> ports) {
        Map<String, RtlPort> byName = new LinkedHashMap<>();
        ports.forEach(p -> byName.put(p.name(), p));
        if (!roles.containsKey("CLK")) {
            throw new RtlBuildException(null, top + " has no clock port the simulator recognises (ports: "
                    + byName.keySet() + "); name it clk, aclk or ap_clk, or give the port map CLK=<port>");
        }
        List<String> lines = new ArrayList<>();
        roles.forEach((role, port) -> {
            if (!byName.containsKey(port)) {
                throw new RtlBuildException(null, "the port map gives " + role + "=" + port + " but " + top
                        + " has no port " + port + " (ports: " + byName.keySet() + ")");
            }
            lines.add("#define JR_" + role + " top->" + port);
        });
        if (roles.containsKey("RST")) {
            lines.add("#define JR_HAS_RST 1");
            lines.add("#define JR_RST_ACTIVE " + (resetActiveLow ? 0 : 1));
        }
        if (hasGroup("L_", LITE)) {
            lines.add("#define JR_HAS_LITE 1");
            LITE_OPTIONAL.stream().filter(r -> roles.containsKey("L_" + r)).forEach(r -> lines.add("#define JR_HAS_L_" + r + " 1"));
            int w = byName.get(roles.get("L_WDATA")).widthBits();
            if (w != 32) {
                throw new RtlBuildException(null, top + "'s AXI4-Lite data port " + roles.get("L_WDATA") + " is " + w
                        + " bits wide; the simulator drives 32-bit AXI4-Lite slaves");
            }
        }
        for (String s : List.of("SI", "SO")) {
            if (hasGroup(s + "_", STREAM)) {
                lines.add("#define JR_HAS_" + (s.equals("SI") ? "SIN" : "SOUT") + " 1");
                STREAM_OPTIONAL.stream().filter(r -> roles.containsKey(s + "_" + r)).forEach(r -> lines.add("#define JR_HAS_" + s + "_" + r + " 1"));
                RtlPort data = byName.get(roles.get(s + "_TDATA"));
                if (data.widthBits() > 64 || data.widthBits() % 8 != 0) {
                    throw new RtlBuildException(null, top + "'s stream port " + data.name() + " is " + data.widthBits()
                            + " bits wide; the simulator streams whole bytes up to 64 bits");
                }
                lines.add("#define JR_" + s + "_BYTES " + data.widthBits() / 8);
            }
        }
        if (roles.containsKey("IRQ")) {
            lines.add("#define JR_HAS_IRQ 1");
        }
        return String.join("\n", lines) + "\n";
    }
}
