package io.jynq.metadata;

/**
 * One entry of a master's address map ({@code MEMORYMAP/MEMRANGE}): what a bus master (PS,
 * MicroBlaze, DMA) reaches at which addresses.
 *
 * @param instance the slave module's {@code INSTANCE} name
 * @param baseAddress first address in bytes ({@code BASEVALUE})
 * @param highAddress last address in bytes, inclusive ({@code HIGHVALUE})
 * @param memtype REGISTER or MEMORY
 * @param masterBusInterface the master's interface, e.g. {@code M_AXI_GP0}
 * @param slaveBusInterface the slave's interface, e.g. {@code S_AXI_LITE}
 * @param addressBlock the slave's address block name, or null
 */
public record MemRange(String instance, long baseAddress, long highAddress, MemType memtype,
        String masterBusInterface, String slaveBusInterface, String addressBlock) {

    /** Size in bytes, {@code highAddress - baseAddress + 1}. */
    public long byteSize() {
        return highAddress - baseAddress + 1;
    }
}
