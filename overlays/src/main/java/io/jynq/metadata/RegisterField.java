package io.jynq.metadata;

/**
 * A bit field of a register, as listed in the {@code .hwh} ({@code FIELD} with its
 * {@code PROPERTY} children). Bits {@code [bitOffset + bitWidth - 1 : bitOffset]}, closed.
 *
 * @param name field name, e.g. {@code RS} (AXI DMA MM2S_DMACR bit 0)
 * @param bitOffset lowest bit, counted from bit 0 (LSB)
 * @param bitWidth width in bits, at least 1
 * @param access the field's access
 * @param description the field's own {@code DESCRIPTION} (PYNQ repeats the register's instead;
 *     {@link OverlayMetadata#toPynqJson()} reproduces that for compatibility)
 */
public record RegisterField(String name, int bitOffset, int bitWidth, Access access, String description) {

    /** The mask of this field in the register, e.g. bits 16..23 give {@code 0xFF0000}. */
    public long mask() {
        long ones = bitWidth >= 64 ? -1L : (1L << bitWidth) - 1;
        return ones << bitOffset;
    }
}
