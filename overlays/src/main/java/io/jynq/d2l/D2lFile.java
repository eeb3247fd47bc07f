package io.jynq.d2l;

import java.util.List;

/**
 * A parsed and validated {@code .d2l.yaml} file: one device, or a list of devices.
 *
 * @param file    the file as named to the parser
 * @param devices the devices in file order
 */
public record D2lFile(String file, List<DeviceDescription> devices) {

    public D2lFile {
        devices = List.copyOf(devices);
    }

    /**
     * The device called {@code name}.
     *
     * @throws IllegalArgumentException naming the file's devices when there is none
     */
    public DeviceDescription device(String name) {
        return devices.stream().filter(d -> d.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(file + " has no device \"" + name + "\"; devices: "
                        + String.join(", ", devices.stream().map(DeviceDescription::name).toList())));
    }
}
