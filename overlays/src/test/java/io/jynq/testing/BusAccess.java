package io.jynq.testing;

/**
 * One register access seen on a {@link ScriptedDevice}'s bus.
 *
 * @param write true for a write
 * @param address the physical address in bytes
 * @param widthBytes 1, 2, 4 or 8
 * @param value the value written, or returned by the read (unsigned, low {@code widthBytes})
 */
public record BusAccess(boolean write, long address, int widthBytes, long value) {

    /** A 32-bit read returning {@code value}. */
    public static BusAccess read(long address, long value) {
        return new BusAccess(false, address, 4, value & 0xFFFF_FFFFL);
    }

    /** A 32-bit write of {@code value}. */
    public static BusAccess write(long address, long value) {
        return new BusAccess(true, address, 4, value & 0xFFFF_FFFFL);
    }

    @Override
    public String toString() {
        return (write ? "write" : "read") + (widthBytes * 8) + "(0x" + Long.toHexString(address) + ") "
                + (write ? "<- " : "-> ") + "0x" + Long.toHexString(value);
    }
}
