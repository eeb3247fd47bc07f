package io.jynq.device.embedded;

import io.jynq.device.DeviceException;
import io.jynq.metadata.Arch;
import io.jynq.metadata.IpDescription;
import io.jynq.metadata.OverlayMetadata;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Sets the data width of the ZynqMP PS-PL AXI ports to what the bitstream was built with, as
 * PYNQ's {@code EmbeddedDevice.set_axi_port_width} does after a full download (Xilinx answer
 * record 66295): the boot firmware configures the widths of the boot-time design, and a port left
 * at another width corrupts every transfer. Masters (M_AXI_HPM0/1_FPD, HPM0_LPD) are set in the
 * FPD/LPD SLCR {@code AXI_FS} registers (32 → 0, 64 → 1, 128 → 2); slaves (S_AXI_HPC0..1_FPD, S_AXI_HP0..3_FPD, S_AXI_LPD) in
 * each AFIFM's {@code RDCTRL} and {@code WRCTRL} {@code FABRIC_WIDTH} (32 → 2, 64 → 1, 128 → 0).
 * Zynq-7000 needs nothing.
 */
final class AxiPortWidths {
    /** One register field: the PS parameter giving the width, its address and bits [msb:lsb]. */
    record Field(String parameter, long address, int msb, int lsb, boolean slave) {}

    /** A planned write: set bits [msb:lsb] at address to value. */
    record Write(long address, int msb, int lsb, int value) {}

    static final List<Field> FIELDS = List.of(
            new Field("C_MAXIGP0_DATA_WIDTH", 0xFD61_5000L, 9, 8, false),
            new Field("C_MAXIGP1_DATA_WIDTH", 0xFD61_5000L, 11, 10, false),
            new Field("C_MAXIGP2_DATA_WIDTH", 0xFF41_9000L, 9, 8, false),
            afifm(0, 0xFD36_0000L, 0x00), afifm(0, 0xFD36_0000L, 0x14),
            afifm(1, 0xFD37_0000L, 0x00), afifm(1, 0xFD37_0000L, 0x14),
            afifm(2, 0xFD38_0000L, 0x00), afifm(2, 0xFD38_0000L, 0x14),
            afifm(3, 0xFD39_0000L, 0x00), afifm(3, 0xFD39_0000L, 0x14),
            afifm(4, 0xFD3A_0000L, 0x00), afifm(4, 0xFD3A_0000L, 0x14),
            afifm(5, 0xFD3B_0000L, 0x00), afifm(5, 0xFD3B_0000L, 0x14),
            afifm(6, 0xFF9B_0000L, 0x00), afifm(6, 0xFF9B_0000L, 0x14));

    private static final Map<String, Integer> MASTER = Map.of("32", 0, "64", 1, "128", 2);
    private static final Map<String, Integer> SLAVE = Map.of("32", 2, "64", 1, "128", 0);

    private AxiPortWidths() {}

    private static Field afifm(int port, long base, int register) {
        return new Field("C_SAXIGP" + port + "_DATA_WIDTH", base + register, 1, 0, true);
    }

    /**
     * The writes a full download of {@code metadata} needs: none unless it is a ZynqMP design
     * with its PS in the ip_dict.
     *
     * @throws DeviceException if a width parameter has a value other than 32, 64 or 128
     */
    static List<Write> plan(OverlayMetadata metadata) {
        List<Write> writes = new ArrayList<>();
        if (metadata == null || metadata.arch() != Arch.ZYNQ_ULTRASCALE || metadata.processingSystem() == null) {
            return writes;
        }
        IpDescription ps = metadata.ipDict().get(metadata.processingSystem());
        if (ps == null) {
            return writes;
        }
        for (Field f : FIELDS) {
            String width = ps.parameter(f.parameter());
            if (width == null) {
                continue;
            }
            Integer value = (f.slave() ? SLAVE : MASTER).get(width.strip());
            if (value == null) {
                throw new DeviceException(metadata.source() + ": " + metadata.processingSystem() + " parameter "
                        + f.parameter() + " is '" + width + "'; the AXI port width must be 32, 64 or 128");
            }
            writes.add(new Write(f.address(), f.msb(), f.lsb(), value));
        }
        return writes;
    }
}
