package io.jynq.d2l;

import io.jynq.error.SourcePosition;
import java.util.List;

/**
 * A device: a named set of operations on an overlay.
 *
 * @param name        upper-case name, e.g. {@code DSP_LOOPBACK}
 * @param description one line, or empty
 * @param ip          the default IP of driver and register operations, or empty
 * @param library     the native library of C operations, or empty
 * @param includes    headers declaring the C functions (relative to the package)
 * @param objects     driver objects
 * @param operations  operations in file order
 * @param at          where it is written
 */
public record DeviceDescription(String name, String description, String ip, String library, List<String> includes,
        List<DeviceObject> objects, List<Operation> operations, SourcePosition at) {

    public DeviceDescription {
        includes = List.copyOf(includes);
        objects = List.copyOf(objects);
        operations = List.copyOf(operations);
    }

    /**
     * The operation called {@code name}.
     *
     * @throws IllegalArgumentException naming the device's operations when there is none
     */
    public Operation operation(String name) {
        return operations.stream().filter(o -> o.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("device " + this.name + " has no operation \"" + name
                        + "\"; operations: " + String.join(", ", operations.stream().map(Operation::name).toList())));
    }

    /** The AT_INIT operations in file order. */
    public List<Operation> initOperations() {
        return operations.stream().filter(Operation::atInit).toList();
    }
}
