package io.jynq.facade;

import io.jynq.d2l.DeviceDescription;
import io.jynq.metadata.IpDescription;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One class of a facade: the overlay's root or one hierarchy, with its fields in ip_dict order,
 * then (at the root) one per device of the overlay's package. Field names are unique within a
 * node (a clash after sanitising gets {@code _2}, {@code _3}); IPs and hierarchies are added
 * first, so a device never takes an IP's name.
 */
final class FacadeNode {
    /**
     * A field: an IP (ip set, type the driver), a sub-hierarchy (child set), a hierarchy with a
     * driver of its own (hierarchyDriver set to its path, type the driver) or a device (device set,
     * type the interface generated for it).
     */
    record Field(String name, String type, IpDescription ip, FacadeNode child, DeviceDescription device,
            String hierarchyDriver) {
    }

    private final String path;
    private final String className;
    private final List<Field> fields = new ArrayList<>();
    private final Set<String> taken = new HashSet<>();

    FacadeNode(String path, String className, Set<String> reserved) {
        this.path = path;
        this.className = className;
        this.taken.addAll(reserved);
    }

    /** The hierarchy path ("" for the root), e.g. {@code video/hdmi_in}. */
    String path() {
        return path;
    }

    String className() {
        return className;
    }

    List<Field> fields() {
        return Collections.unmodifiableList(fields);
    }

    void addIp(String relativeName, String type, IpDescription ip) {
        fields.add(new Field(unique(JavaNames.field(relativeName)), type, ip, null, null, null));
    }

    void addHierarchy(String relativeName, FacadeNode child) {
        fields.add(new Field(unique(JavaNames.field(relativeName)), child.className(), null, child, null, null));
    }

    /** A device member: field {@code dsp_loopback} for device {@code DSP_LOOPBACK}, of type {@code interfaceName}. */
    void addDevice(DeviceDescription device, String interfaceName) {
        String base = JavaNames.field(device.name().toLowerCase(java.util.Locale.ROOT));
        fields.add(new Field(unique(base), interfaceName, null, null, device, null));
    }

    /** A hierarchy bound to a hierarchy driver: field typed {@code type}, the driver for {@code path}. */
    void addHierarchyDriver(String relativeName, String type, String path) {
        fields.add(new Field(unique(JavaNames.field(relativeName)), type, null, null, null, path));
    }

    /** True if a field of this node is a device. */
    boolean hasDevices() {
        return fields.stream().anyMatch(f -> f.device() != null);
    }

    private String unique(String base) {
        String name = base;
        for (int i = 2; !taken.add(name); i++) {
            name = base + "_" + i;
        }
        return name;
    }
}
