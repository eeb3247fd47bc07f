package io.jynq.device;

import io.jynq.config.JynqConfig;
import io.jynq.config.Setting;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ServiceLoader;

/**
 * Chooses and holds the active {@link Device} of this process ({@link Device#active()}).
 * Tests and tools may replace it with {@link #setActive}.
 */
public final class Devices {
    private static final String SIM = "sim";
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

    /**
     * The name from {@code -Djynq.device}, else {@code JYNQ_DEVICE}, else the first backend other
     * than {@code sim} that reports itself available ({@code embedded} where FPGA Manager exists
     * under the board root, {@code JYNQ_BOARD_ROOT}), else {@code sim}; lower case.
     */
    public static String requestedName() {
        return JynqConfig.current().value(Setting.DEVICE).orElseGet(Devices::probe).toLowerCase(Locale.ROOT);
    }

    private static String probe() {
        for (DeviceProvider p : ServiceLoader.load(DeviceProvider.class, Devices.class.getClassLoader())) {
            if (!SIM.equals(p.name()) && p.isAvailable()) {
                return p.name();
            }
        }
        return SIM;
    }

    /**
     * Opens the backend called {@code name}; text after the first colon is the backend's argument
     * ({@code remote:board.local:7967}).
     *
     * @throws DeviceException if no provider has that name (the message lists the known ones)
     */
    public static Device open(String name) {
        int colon = name.indexOf(':');
        String backend = colon < 0 ? name : name.substring(0, colon);
        String argument = colon < 0 ? "" : name.substring(colon + 1);
        List<String> known = new ArrayList<>();
        for (DeviceProvider p : ServiceLoader.load(DeviceProvider.class, Devices.class.getClassLoader())) {
            if (p.name().equals(backend)) {
                return p.open(argument);
            }
            known.add(p.name());
        }
        throw new DeviceException("unknown device backend '" + name + "' (JYNQ_DEVICE or -Djynq.device); known: " + known);
    }
}
