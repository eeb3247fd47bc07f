package io.jynq.facade;

/**
 * How a generated facade gets its device members: by device name (as its {@code .d2l.yaml} writes
 * it, e.g. {@code "DSP_LOOPBACK"}) and the interface the facade declares for it. The magic layer
 * provides one that opens the device through the overlay layer's {@code DeviceOps} on first call;
 * the facade casts each result to its field's type.
 */
@FunctionalInterface
public interface DeviceLookup {

    /**
     * An object implementing {@code type} whose methods call the device's operations.
     *
     * @param name the device name, e.g. {@code DSP_LOOPBACK}
     * @param type the interface the facade generated for that device
     */
    Object device(String name, Class<?> type);
}
