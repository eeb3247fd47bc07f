package io.jynq.overlay;

import io.jynq.device.Device;
import io.jynq.metadata.Hierarchy;
import java.util.TreeSet;

/**
 * The other notebook in {@link PartialRegionSecondProcessIT}: run in a second JVM on the same
 * simulated board ({@code -Djynq.sim.dir}), it prints what PYNQ's {@code PL} shows there, one
 * fact a line: {@code bitfile}, the {@code ip} under {@code region} in {@code PL.ipDict()}, the
 * region's {@code hierarchy} in {@code PL.hierarchyDict()}, and the 32-bit register at
 * {@code address} read through {@code Device.active()} (or {@code -} when nothing answers).
 * Usage: {@code PlSnapshot <region> <address>}.
 */
public final class PlSnapshot {
    private PlSnapshot() {}

    public static void main(String[] args) {
        String region = args[0];
        long address = Long.decode(args[1]);
        System.out.println("bitfile " + PL.bitfileName());
        TreeSet<String> ip = new TreeSet<>();
        PL.ipDict().keySet().stream().filter(k -> k.startsWith(region + "/")).forEach(ip::add);
        System.out.println("ip " + ip);
        Hierarchy h = PL.hierarchyDict().get(region);
        System.out.println("hierarchy " + (h == null ? "-" : new TreeSet<>(h.ip().keySet())));
        String value;
        try {
            value = "0x" + Integer.toHexString(Device.active().map(address, 0x20).read32(0x10));
        } catch (io.jynq.device.DeviceException e) {
            value = "-";
        }
        System.out.println("register " + value);
    }
}
