package io.jynq.metadata;

import java.util.List;
import java.util.Map;

/**
 * A cell of the block design ({@code MODULES/MODULE}), addressable or not: what the simulator
 * instantiates and wires. PYNQ's dictionaries keep only addressable IP; this keeps everything.
 *
 * @param instance unique {@code INSTANCE} name (hierarchy joined by '_'), used by CONNECTION and MEMRANGE
 * @param fullpath {@code FULLNAME} without the leading '/', e.g. {@code video/axi_vdma}
 * @param vlnv the parsed VLNV, or null where absent or malformed
 * @param vlnvText the raw VLNV text, or null
 * @param modType {@code MODTYPE}, e.g. {@code axi_dma}, {@code xlconcat}, {@code processing_system7}
 * @param ipType {@code IPTYPE}, or null
 * @param modClass {@code MODCLASS}, or null
 * @param bdtype {@code BDTYPE}, or null
 * @param processingSystem true when this is the PS of the file's architecture
 * @param parameters PARAMETERs, name to value, in file order
 * @param registers registers of every address block, by name, in file order
 * @param ports ports by name, in file order
 * @param busInterfaces bus interfaces by name, in file order
 * @param memoryMap this module's address map when it is a bus master, else empty
 */
public record ModuleDescription(String instance, String fullpath, Vlnv vlnv, String vlnvText,
        String modType, String ipType, String modClass, String bdtype, boolean processingSystem,
        Map<String, String> parameters, Map<String, RegisterDescription> registers,
        Map<String, PortDescription> ports, Map<String, BusInterfaceDescription> busInterfaces,
        List<MemRange> memoryMap) {

    public ModuleDescription {
        parameters = IpDescription.copy(parameters);
        registers = IpDescription.copy(registers);
        ports = IpDescription.copy(ports);
        busInterfaces = IpDescription.copy(busInterfaces);
        memoryMap = List.copyOf(memoryMap);
    }

    /** A parameter's value, or null if absent. */
    public String parameter(String name) {
        return parameters.get(name);
    }

    /** A numeric PARAMETER, read as {@link IpDescription#parameterLong} reads one. */
    public long parameterLong(String name, long defaultValue) {
        return Numbers.parameter(parameters, name, defaultValue, fullpath);
    }

    @Override
    public String toString() {
        return "ModuleDescription[" + fullpath + " (" + instance + "), " + vlnvText + ", " + ports.size()
                + " ports, " + busInterfaces.size() + " bus interfaces]";
    }
}
