package io.jynq.metadata;

import java.util.Map;

/**
 * A register of an IP's register map, from the {@code .hwh} {@code REGISTER} element.
 *
 * @param name register name, e.g. {@code MM2S_DMACR}
 * @param byteOffset offset in bytes from the IP's physical address ({@code ADDRESS_OFFSET})
 * @param sizeBits width in bits ({@code SIZE}); note AXI GPIO's DATA registers report the channel
 *     width, not 32
 * @param access the register's access
 * @param resetValue {@code RESET_VALUE}, or null where the file gives none
 * @param description the register's {@code DESCRIPTION}, or "" where none
 * @param fields bit fields by name, in file order (unmodifiable)
 */
public record RegisterDescription(String name, long byteOffset, int sizeBits, Access access, Long resetValue,
        String description, Map<String, RegisterField> fields) {

    public RegisterDescription {
        fields = FrozenMap.of(fields);
    }

    /** The field of that name, or null. */
    public RegisterField field(String fieldName) {
        return fields.get(fieldName);
    }
}
