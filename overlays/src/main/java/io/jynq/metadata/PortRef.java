package io.jynq.metadata;

/**
 * One end of a port's {@code CONNECTION}: a port of another module, named by instance.
 *
 * @param instance the other module's {@code INSTANCE} name (not its fullpath)
 * @param port the other module's port name
 */
public record PortRef(String instance, String port) {}
