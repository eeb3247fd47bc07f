package io.jynq.d2l;

/**
 * A D2L {@code objects} entry: a driver object the device uses.
 *
 * @param name object name
 * @param type its type (a Java driver class or a C type)
 */
public record DeviceObject(String name, String type) {}
