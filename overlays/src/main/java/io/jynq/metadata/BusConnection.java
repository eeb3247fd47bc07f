package io.jynq.metadata;

/**
 * A point-to-point bus connection between a master and a slave interface sharing a
 * {@code BUSNAME}, e.g. an AXI-Stream link {@code axi_dma_0/M_AXIS_MM2S -> fir_0/S_AXIS}.
 * Modules are named by fullpath; external interfaces (top-level ports) by their name with
 * fullpath "".
 *
 * @param busname the shared {@code BUSNAME}
 * @param vlnv the interface type (from the master side, else the slave side), or null
 * @param masterFullpath the master module's fullpath
 * @param masterInterface the master's interface name
 * @param slaveFullpath the slave module's fullpath
 * @param slaveInterface the slave's interface name
 */
public record BusConnection(String busname, Vlnv vlnv, String masterFullpath, String masterInterface,
        String slaveFullpath, String slaveInterface) {

    /** True for AXI4-Stream ({@code xilinx.com:interface:axis}). */
    public boolean isStream() {
        return vlnv != null && "axis".equals(vlnv.name()) && "interface".equals(vlnv.library());
    }

    @Override
    public String toString() {
        return masterFullpath + "/" + masterInterface + " -> " + slaveFullpath + "/" + slaveInterface
                + " (" + busname + ")";
    }
}
