package io.jynq.device;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ServiceLoader;

/**
 * Chooses and holds the active {@link Device} of this process ({@link Device#active()}).
 * Tests and tools may replace it with {@link #setActive}.
 */
public final class Devices {
    /** Where FPGA Manager lives on a Linux board; its presence selects {@code embedded}. */
    static final Path FPGA_MANAGER = Path.of("/sys/class/fpga_manager/fpga0");

    private static Device active;

    private Devices() {}

    static synchronized Device active() {
        if (active == null) {
            active = open(requestedName());
        }
        return active;
    }

    /**
     * Makes {@code device} the active one (closing none); {@code null} forgets it so the next
     * {@link Device#active()} chooses again.
     */
    public static synchronized void setActive(Device device) {
        active = device;
    }

    /** The name from {@code JYNQ_DEVICE} or {@code -Djynq.device}, else by probing, lower case. */
    public static String requestedName() {
        String name = System.getenv("JYNQ_DEVICE");
        if (name == null || name.isBlank()) {
            name = System.getProperty("jynq.device");
        }
        if (name == null || name.isBlank()) {
            name = Files.exists(FPGA_MANAGER) ? "embedded" : "sim";
        }
        return name.trim().toLowerCase(Locale.ROOT);
    }

    /**
     * Opens the backend called {@code name}.
     *
     * @throws DeviceException if no provider has that name (the message lists the known ones)
     */
    public static Device open(String name) {
        List<String> known = new ArrayList<>();
        for (DeviceProvider p : ServiceLoader.load(DeviceProvider.class, Devices.class.getClassLoader())) {
            if (p.name().equals(name)) {
                return p.open();
            }
            known.add(p.name());
        }
        throw new DeviceException("unknown device backend '" + name + "' (JYNQ_DEVICE or -Djynq.device); known: " + known);
    }
}
