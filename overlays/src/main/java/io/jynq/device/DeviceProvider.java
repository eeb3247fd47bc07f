package io.jynq.device;

/**
 * Creates a {@link Device} backend; found through {@link java.util.ServiceLoader} (list the
 * class in {@code META-INF/services/io.jynq.device.DeviceProvider}) and picked by {@link #name()},
 * the way jshell picks an execution engine by name.
 */
public interface DeviceProvider {

    /** The name {@code JYNQ_DEVICE} uses: {@code "sim"}, {@code "embedded"}. */
    String name();

    /** Whether this backend can run on this machine (e.g. FPGA Manager present), used when no name is given. */
    boolean isAvailable();

    /**
     * Opens the backend.
     *
     * @throws DeviceException if it cannot start here; the message says what is missing
     */
    Device open();
}
