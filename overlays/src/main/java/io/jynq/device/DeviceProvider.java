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

    /**
     * Opens the backend with the argument written after its name and a colon in
     * {@code JYNQ_DEVICE} ({@code remote:HOST:PORT} gives {@code "HOST:PORT"}); {@code ""} when
     * there is none. Backends without arguments take none: the default refuses one.
     *
     * @throws DeviceException if the argument is wrong or the backend cannot start here
     */
    default Device open(String argument) {
        if (!argument.isEmpty()) {
            throw new DeviceException("device backend '" + name() + "' takes no argument, got '" + name() + ":" + argument + "'");
        }
        return open();
    }
}
