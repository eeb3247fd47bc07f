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

    /**
     * The name of the hierarchy driver that claims the hierarchy at {@code path} (PYNQ's
     * {@code DefaultHierarchy} subclasses), or null for a plain hierarchy, which the facade shows
     * as a nested class of its IP.
     */
    default String hierarchyClassName(String path) {
        return null;
    }
}
