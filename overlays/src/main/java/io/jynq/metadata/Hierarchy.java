package io.jynq.metadata;

import java.util.Map;

/**
 * A block-design hierarchy containing addressable IP (PYNQ's {@code hierarchy_dict} entry). Keys
 * of every map are relative to this hierarchy; {@code ip} holds only IP directly inside it.
 *
 * @param fullpath e.g. {@code video/hdmi_in}
 * @param ip IP directly in this hierarchy, by relative name
 * @param hierarchies direct sub-hierarchies, by relative name
 * @param interrupts interrupt pins of the hierarchy's own boundary ports, by port name
 * @param gpio PS GPIO entries wired to the hierarchy's own boundary ports, by port name
 * @param memories memories directly in this hierarchy (PYNQ's legacy parser leaves this empty)
 */
public record Hierarchy(String fullpath, Map<String, IpDescription> ip, Map<String, Hierarchy> hierarchies,
        Map<String, InterruptPin> interrupts, Map<String, GpioEntry> gpio, Map<String, IpDescription> memories) {

    public Hierarchy {
        ip = IpDescription.copy(ip);
        hierarchies = IpDescription.copy(hierarchies);
        interrupts = IpDescription.copy(interrupts);
        gpio = IpDescription.copy(gpio);
        memories = IpDescription.copy(memories);
    }
}
