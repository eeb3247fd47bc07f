package io.jynq.facade;

import io.jynq.metadata.IpDescription;

/**
 * Which class a facade field gets for an IP: the fully qualified name of the driver bound to its
 * VLNV, or the overlay layer's {@code DefaultIp} when none is. The class must be public and
 * visible to the code that compiles the facade (JShell's class path).
 */
@FunctionalInterface
public interface DriverTypes {

    /** The fully qualified (canonical) name of the driver class for {@code ip}. */
    String driverClassName(IpDescription ip);
}
