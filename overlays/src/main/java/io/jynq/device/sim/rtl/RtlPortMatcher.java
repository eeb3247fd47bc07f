package io.jynq.device.sim.rtl;

import io.jynq.ffi.rtl.RtlPort;
import io.jynq.ffi.rtl.RtlPortRoles;
import io.jynq.metadata.BusInterfaceDescription;
import io.jynq.metadata.ModuleDescription;
import io.jynq.metadata.PortDescription;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Decides which HDL port plays which AXI role, in this order: an explicit port map (role to port,
 * e.g. {@code CLK=sys_clk}, {@code SI_TDATA=din}); the design's {@code .hwh} port maps of the IP
 * the model is bound to (when its physical port names are the HDL's); the common naming
 * conventions: Xilinx {@code s_axi_<bus>_*} and {@code S_AXI_*}, {@code s_axil_*}, {@code s_axis_*},
 * {@code m_axis_*}, HLS {@code <name>_TDATA}; {@code clk}, {@code aclk}, {@code ap_clk}; {@code rst}
 * (active high), {@code rst_n}, {@code aresetn}, {@code ap_rst_n} (active low); {@code interrupt},
 * {@code irq}, {@code intr}.
 *
 * @param roles the roles for the shim
 * @param slaveInterface the design's AXI4-Stream slave interface the HDL's input binds to, or null
 * @param masterInterface the design's AXI4-Stream master interface the HDL's output binds to, or null
 * @param interruptPort the design's interrupt port the HDL's interrupt drives, or null
 */
public record RtlPortMatcher(RtlPortRoles roles, String slaveInterface, String masterInterface, String interruptPort) {
    private static final List<String> CLOCKS = List.of("ap_clk", "aclk", "clk", "s_axi_aclk", "s_axis_aclk", "clock", "i_clk");
    private static final List<String> RESETS_LOW = List.of("ap_rst_n", "aresetn", "rst_n", "resetn", "s_axi_aresetn",
            "s_axis_aresetn", "reset_n", "i_rst_n");
    private static final List<String> RESETS_HIGH = List.of("rst", "reset", "ap_rst", "areset", "i_rst");
    private static final List<String> IRQS = List.of("interrupt", "irq", "intr", "ip2intc_irpt", "o_irq");

    /**
     * Matches {@code ports} of an HDL toplevel.
     *
     * @param module the IP's module in the design, or null when the IP is not in one
     * @param explicit role to port, applied last (it wins)
     */
    public static RtlPortMatcher match(List<RtlPort> ports, ModuleDescription module, Map<String, String> explicit) {
        Map<String, RtlPort> byLower = new LinkedHashMap<>();
        ports.forEach(p -> byLower.put(p.name().toLowerCase(Locale.ROOT), p));
        Map<String, String> roles = new LinkedHashMap<>();
        boolean resetLow = true;
        String slaveIntf = null;
        String masterIntf = null;
        String irqPort = null;
        if (module != null) {
            for (BusInterfaceDescription b : module.busInterfaces().values()) {
                String kind = b.vlnv() == null ? "" : b.vlnv().name();
                String prefix = kind.equals("aximm") && b.isSlave() ? "L_" : kind.equals("axis") ? (b.isSlave() ? "SI_" : "SO_") : null;
                if (prefix == null || roles.keySet().stream().anyMatch(r -> r.startsWith(prefix))) {
                    continue;
                }
                Map<String, String> found = new LinkedHashMap<>();
                b.portMaps().forEach((logical, physical) -> {
                    RtlPort p = byLower.get(physical.toLowerCase(Locale.ROOT));
                    if (p != null) {
                        found.put(prefix + logical.toUpperCase(Locale.ROOT), p.name());
                    }
                });
                if (!found.isEmpty()) {
                    roles.putAll(found);
                    if (prefix.equals("SI_")) {
                        slaveIntf = b.name();
                    } else if (prefix.equals("SO_")) {
                        masterIntf = b.name();
                    }
                }
            }
            for (PortDescription p : module.ports().values()) {
                RtlPort r = byLower.get(p.name().toLowerCase(Locale.ROOT));
                if (r == null) {
                    continue;
                }
                if ("clk".equalsIgnoreCase(p.sigis()) && !roles.containsKey("CLK")) {
                    roles.put("CLK", r.name());
                } else if ("rst".equalsIgnoreCase(p.sigis()) && !roles.containsKey("RST")) {
                    roles.put("RST", r.name());
                    resetLow = p.name().toLowerCase(Locale.ROOT).endsWith("n");
                } else if (p.isInterrupt() && !roles.containsKey("IRQ")) {
                    roles.put("IRQ", r.name());
                    irqPort = p.name();
                }
            }
        }
        byConvention(ports, byLower, roles);
        if (!roles.containsKey("RST")) {
            for (String n : RESETS_LOW) {
                if (byLower.containsKey(n)) {
                    roles.put("RST", byLower.get(n).name());
                    resetLow = true;
                    break;
                }
            }
        }
        if (!roles.containsKey("RST")) {
            for (String n : RESETS_HIGH) {
                if (byLower.containsKey(n)) {
                    roles.put("RST", byLower.get(n).name());
                    resetLow = false;
                    break;
                }
            }
        }
        roles.putAll(explicit);
        if (explicit.containsKey("RST")) {
            resetLow = explicit.get("RST").toLowerCase(Locale.ROOT).endsWith("n");
        }
        if (module != null) {
            if (slaveIntf == null && roles.containsKey("SI_TDATA")) {
                slaveIntf = onlyStream(module, true, roles.get("SI_TDATA"));
            }
            if (masterIntf == null && roles.containsKey("SO_TDATA")) {
                masterIntf = onlyStream(module, false, roles.get("SO_TDATA"));
            }
            if (irqPort == null && roles.containsKey("IRQ")) {
                String hdl = roles.get("IRQ");
                irqPort = module.ports().values().stream().filter(PortDescription::isInterrupt).map(PortDescription::name)
                        .filter(n -> n.equalsIgnoreCase(hdl)).findFirst()
                        .orElse(module.ports().values().stream().filter(PortDescription::isInterrupt)
                                .map(PortDescription::name).findFirst().orElse(null));
            }
        }
        return new RtlPortMatcher(new RtlPortRoles(roles, resetLow), slaveIntf, masterIntf, irqPort);
    }

    /**
     * The design's stream interface of that direction the HDL port binds to: the one whose name
     * prefixes the port (HLS {@code in_stream_TDATA}), else the only one.
     */
    private static String onlyStream(ModuleDescription module, boolean slave, String hdlPort) {
        List<String> names = new ArrayList<>();
        for (BusInterfaceDescription b : module.busInterfaces().values()) {
            if (b.vlnv() != null && b.vlnv().name().equals("axis") && b.isSlave() == slave) {
                if (hdlPort.toLowerCase(Locale.ROOT).startsWith(b.name().toLowerCase(Locale.ROOT) + "_")) {
                    return b.name();
                }
                names.add(b.name());
            }
        }
        return names.size() == 1 ? names.get(0) : null;
    }

    private static void byConvention(List<RtlPort> ports, Map<String, RtlPort> byLower, Map<String, String> roles) {
        if (!roles.containsKey("CLK")) {
            CLOCKS.stream().filter(byLower::containsKey).findFirst().ifPresent(n -> roles.put("CLK", byLower.get(n).name()));
        }
        if (!roles.containsKey("IRQ")) {
            IRQS.stream().filter(byLower::containsKey).findFirst().ifPresent(n -> roles.put("IRQ", byLower.get(n).name()));
        }
        if (roles.keySet().stream().noneMatch(r -> r.startsWith("L_"))) {
            group(ports, "awaddr", p -> p.contains("axi") && !p.contains("axis")).ifPresent(prefix ->
                    assign(byLower, prefix, "L_", RtlPortRoles.LITE, RtlPortRoles.LITE_OPTIONAL, roles));
        }
        for (boolean in : new boolean[] {true, false}) {
            String role = in ? "SI_" : "SO_";
            if (roles.keySet().stream().anyMatch(r -> r.startsWith(role))) {
                continue;
            }
            for (RtlPort p : ports) {
                String n = p.name().toLowerCase(Locale.ROOT);
                if (n.endsWith("tdata") && p.input() == in) {
                    String prefix = n.substring(0, n.length() - "tdata".length());
                    assign(byLower, prefix, role, RtlPortRoles.STREAM, RtlPortRoles.STREAM_OPTIONAL, roles);
                    break;
                }
            }
        }
    }

    private static java.util.Optional<String> group(List<RtlPort> ports, String suffix, java.util.function.Predicate<String> ok) {
        return ports.stream().map(p -> p.name().toLowerCase(Locale.ROOT))
                .filter(n -> n.endsWith(suffix) && ok.test(n)).map(n -> n.substring(0, n.length() - suffix.length())).findFirst();
    }

    private static void assign(Map<String, RtlPort> byLower, String prefix, String role, List<String> required,
            List<String> optional, Map<String, String> roles) {
        List<String> all = new ArrayList<>(required);
        all.addAll(optional);
        for (String r : all) {
            RtlPort p = byLower.get(prefix + r.toLowerCase(Locale.ROOT));
            if (p != null) {
                roles.put(role + r, p.name());
            }
        }
    }
}
