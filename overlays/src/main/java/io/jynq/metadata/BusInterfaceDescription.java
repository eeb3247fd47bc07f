package io.jynq.metadata;

import java.util.Map;

/**
 * A module's bus interface ({@code BUSINTERFACES/BUSINTERFACE}). Interfaces with the same
 * {@code BUSNAME} are connected; see {@link OverlayMetadata#busConnections()}.
 *
 * @param name interface name, e.g. {@code M_AXIS_MM2S}
 * @param type {@code SLAVE}, {@code MASTER}, {@code TARGET}, {@code INITIATOR} or {@code MONITOR}
 * @param vlnv the interface type, e.g. {@code xilinx.com:interface:axis:1.0}, or null
 * @param busname the connection name, or null/"" when unconnected
 * @param parameters the interface's PARAMETERs, name to value (e.g. {@code TDATA_NUM_BYTES})
 * @param portMaps logical port name to physical port name (e.g. {@code TDATA} to {@code m_axis_mm2s_tdata})
 */
public record BusInterfaceDescription(String name, String type, Vlnv vlnv, String busname,
        Map<String, String> parameters, Map<String, String> portMaps) {

    public BusInterfaceDescription {
        parameters = IpDescription.copy(parameters);
        portMaps = IpDescription.copy(portMaps);
    }

    /** True for MASTER or INITIATOR: the side that drives the bus. */
    public boolean isMaster() {
        return "MASTER".equals(type) || "INITIATOR".equals(type);
    }

    /** True for SLAVE or TARGET. */
    public boolean isSlave() {
        return "SLAVE".equals(type) || "TARGET".equals(type);
    }
}
