package io.jynq.device.sim.model;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The architectural register values of one IP, little-endian 32-bit words at byte offsets, kept
 * in the board's memory-mapped state so that every process sharing the board sees them. Offsets
 * are checked by the buffer: one outside the store throws {@link IndexOutOfBoundsException}.
 */
public final class RegisterStore {
    private final ByteBuffer words;

    /** @param window the IP's storage; used little-endian from position 0 to its limit */
    public RegisterStore(ByteBuffer window) {
        this.words = window.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        this.words.clear();
    }

    /** The word at {@code byteOffset}. */
    public int get(int byteOffset) {
        return words.getInt(byteOffset);
    }

    /** Sets the word at {@code byteOffset}. */
    public void put(int byteOffset, int value) {
        words.putInt(byteOffset, value);
    }

    /** Size in bytes. */
    public int byteSize() {
        return words.capacity();
    }

    /** {@code old} with the bytes selected by {@code byteStrobe} replaced from {@code value}. */
    public static int merge(int old, int value, int byteStrobe) {
        if (byteStrobe == 0xF) {
            return value;
        }
        int mask = 0;
        for (int i = 0; i < 4; i++) {
            if ((byteStrobe & (1 << i)) != 0) {
                mask |= 0xFF << (8 * i);
            }
        }
        return (old & ~mask) | (value & mask);
    }
}
