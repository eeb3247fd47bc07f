package io.jynq.metadata;

import java.util.Map;
import java.util.NoSuchElementException;

/**
 * An addressable IP as the PS sees it (PYNQ's {@code ip_dict} entry): one address range of one
 * module instance, with its register map.
 *
 * <p>The processing system's own entry ({@link #processingSystem()} true) has no address:
 * {@code physAddr} and {@code addrRange} are 0 and {@code memId}/{@code memtype} null, as PYNQ's
 * entry has only type, parameters, gpio and interrupts.
 *
 * @param name the ip_dict key: the fullpath, or {@code fullpath/<mem_id>} when one instance has
 *     several ranges (and for {@code module_ref} cells with a BDTYPE)
 * @param fullpath the hierarchical path without the leading '/', e.g. {@code video/axi_vdma};
 *     equal to {@code name} (PYNQ sets both)
 * @param instance the MODULE's {@code INSTANCE} name (unique, hierarchy joined by '_')
 * @param vlnv the parsed VLNV, or null where the module's VLNV is absent or malformed
 * @param type the raw VLNV text (PYNQ's {@code type}), or null
 * @param physAddr base physical address in bytes
 * @param addrRange size of the range in bytes ({@code HIGHVALUE - BASEVALUE + 1})
 * @param memId the slave interface of the range ({@code mem_id}), e.g. {@code S_AXI_LITE}
 * @param memtype REGISTER or MEMORY
 * @param bdtype the module's {@code BDTYPE} (e.g. {@code BLOCK_CONTAINER}), or null
 * @param processingSystem true for the PS entry
 * @param parameters the module's PARAMETERs, name to value, in file order
 * @param registers the module's registers by name, in file order (all address blocks)
 * @param interrupts this IP's interrupt pins by port name (e.g. {@code ip2intc_irpt})
 * @param gpio PS GPIO entries wired to this IP, by port name
 */
public record IpDescription(String name, String fullpath, String instance, Vlnv vlnv, String type,
        long physAddr, long addrRange, String memId, MemType memtype, String bdtype,
        boolean processingSystem, Map<String, String> parameters, Map<String, RegisterDescription> registers,
        Map<String, InterruptPin> interrupts, Map<String, GpioEntry> gpio) {

    public IpDescription {
        parameters = copy(parameters);
        registers = copy(registers);
        interrupts = copy(interrupts);
        gpio = copy(gpio);
    }

    static <K, V> Map<K, V> copy(Map<K, V> m) {
        return FrozenMap.of(m);
    }

    /**
     * The register of that name.
     *
     * @throws NoSuchElementException listing the registers that exist, if there is none
     */
    public RegisterDescription register(String registerName) {
        RegisterDescription r = registers.get(registerName);
        if (r == null) {
            throw new NoSuchElementException("no register \"" + registerName + "\" in " + name
                    + "; registers: " + registers.keySet());
        }
        return r;
    }

    /** A parameter's value, or null if absent. */
    public String parameter(String parameterName) {
        return parameters.get(parameterName);
    }

    /**
     * A numeric PARAMETER (e.g. {@code C_SG_LENGTH_WIDTH}): the exact name, else ignoring case;
     * decimal, {@code 0x} hex or {@code 0b} binary; {@code defaultValue} when absent or blank.
     * The one reader drivers and simulation models share.
     *
     * @throws NumberFormatException naming this IP, the parameter and the value, if not a number
     */
    public long parameterLong(String parameterName, long defaultValue) {
        return Numbers.parameter(parameters, parameterName, defaultValue, name);
    }

    /** One line for the REPL, e.g. {@code IpDescription[axi_dma_0 @ 0x40400000 +0x10000, xilinx.com:ip:axi_dma:7.1]}. */
    @Override
    public String toString() {
        if (processingSystem) {
            return "IpDescription[" + name + " (PS), " + type + "]";
        }
        return "IpDescription[" + name + " @ 0x" + Long.toHexString(physAddr).toUpperCase() + " +0x"
                + Long.toHexString(addrRange).toUpperCase() + ", " + type + ", " + registers.size()
                + " registers]";
    }
}
