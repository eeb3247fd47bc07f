package io.jynq.mmio;

/**
 * An MMIO access was refused before it reached the bus: the offset lies outside the window or
 * is not aligned to the access width. The message names the IP, its base address, the offset
 * and the window length, e.g.
 * {@code MMIO write32 at offset 0x10000 (4 bytes) is outside leds_gpio [0x41200000, +0x10000)}.
 * Nothing was read or written.
 */
public class MmioException extends IndexOutOfBoundsException {
    private static final long serialVersionUID = 1L;

    private final String ipName;
    private final long physicalAddress;
    private final long offset;
    private final long byteLength;

    MmioException(String message, String ipName, long physicalAddress, long offset, long byteLength) {
        super(message);
        this.ipName = ipName;
        this.physicalAddress = physicalAddress;
        this.offset = offset;
        this.byteLength = byteLength;
    }

    /** The IP (or {@code "MMIO"} for a window opened by address) whose window was missed. */
    public String ipName() {
        return ipName;
    }

    /** The window's base physical address, in bytes. */
    public long physicalAddress() {
        return physicalAddress;
    }

    /** The refused offset from the base, in bytes. */
    public long offset() {
        return offset;
    }

    /** The window length, in bytes. */
    public long byteLength() {
        return byteLength;
    }
}
