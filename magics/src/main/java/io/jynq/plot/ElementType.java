package io.jynq.plot;

/**
 * The element type of raw bytes handed to a plot, e.g. a {@link java.nio.ByteBuffer} read back
 * from the PL. Unsigned types are widened to their true value ({@code UINT8 0xFF} is 255.0).
 * {@code INT64} values beyond 2<sup>53</sup> lose precision when converted to {@code double}.
 */
public enum ElementType {
    INT8(1), UINT8(1), INT16(2), UINT16(2), INT32(4), UINT32(4), INT64(8), FLOAT32(4), FLOAT64(8);

    private final int byteSize;

    ElementType(int byteSize) {
        this.byteSize = byteSize;
    }

    /** The size of one element in bytes (1, 2, 4 or 8). */
    public int byteSize() {
        return byteSize;
    }
}
