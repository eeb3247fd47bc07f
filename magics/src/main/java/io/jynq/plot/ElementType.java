package io.jynq.plot;

/**
 * The element type of raw bytes handed to a plot, e.g. a {@link java.nio.ByteBuffer} read back
 * from the PL. Unsigned types are widened to their true value ({@code UINT8 0xFF} is 255.0).
 * 64-bit integers beyond 2<sup>53</sup> lose precision when converted to {@code double}.
 */
public enum ElementType {
    INT8(1), UINT8(1), INT16(2), UINT16(2), INT32(4), UINT32(4), INT64(8), UINT64(8), FLOAT32(4), FLOAT64(8);

    private final int byteSize;

    ElementType(int byteSize) {
        this.byteSize = byteSize;
    }

    /** The size of one element in bytes (1, 2, 4 or 8). */
    public int byteSize() {
        return byteSize;
    }

    /**
     * The type with these properties: how a contiguous buffer's numpy-style dtype
     * ({@code i2}, {@code u4}, {@code f8}...) maps here.
     *
     * @param byteSize 1, 2, 4 or 8 (4 or 8 for floating point)
     * @throws IllegalArgumentException for any other combination
     */
    public static ElementType of(int byteSize, boolean signed, boolean floating) {
        if (floating) {
            if (byteSize == 4) {
                return FLOAT32;
            }
            if (byteSize == 8) {
                return FLOAT64;
            }
        } else {
            switch (byteSize) {
                case 1: return signed ? INT8 : UINT8;
                case 2: return signed ? INT16 : UINT16;
                case 4: return signed ? INT32 : UINT32;
                case 8: return signed ? INT64 : UINT64;
                default: break;
            }
        }
        throw new IllegalArgumentException("no element type of " + byteSize + " bytes, "
            + (floating ? "floating point" : signed ? "signed" : "unsigned")
            + " (expected 1, 2, 4 or 8 bytes; 4 or 8 for floating point)");
    }
}
