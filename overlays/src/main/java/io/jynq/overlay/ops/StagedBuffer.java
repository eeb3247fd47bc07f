package io.jynq.overlay.ops;

import io.jynq.buffer.ContiguousBuffer;
import io.jynq.ffi.cheader.CKind;
import java.nio.ByteBuffer;

/**
 * A contiguous buffer passed to C where it has no native address (the simulated board keeps its
 * DDR in a mapped file and hands out no pointers): its bytes are copied into a Java array of the
 * pointer's element type, which the native layer passes as a pointer, and copied back after the
 * call, so a C function that works in place changes the buffer as on a board.
 */
final class StagedBuffer {
    private final ContiguousBuffer buffer;
    private final Object array;

    private StagedBuffer(ContiguousBuffer buffer, Object array) {
        this.buffer = buffer;
        this.array = array;
    }

    /**
     * Copies {@code buffer} into an array of {@code pointee}'s elements.
     *
     * @throws IllegalArgumentException if the buffer's byte size is not a whole number of elements,
     *                                  or above 2 GiB
     */
    static StagedBuffer of(ContiguousBuffer buffer, CKind pointee, String where) {
        int width = switch (pointee) {
            case INT16, UINT16 -> 2;
            case INT32, UINT32, FLOAT -> 4;
            case INT64, UINT64, DOUBLE -> 8;
            case LONG, ULONG -> pointee.bits() / 8;
            default -> 1;
        };
        long bytes = buffer.byteSize();
        if (bytes % width != 0 || bytes / width > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(where + ": a buffer of " + bytes + " bytes is not a whole number of "
                    + width + "-byte " + pointee.spelling() + " elements (or is too large to stage on the simulator)");
        }
        int n = (int) (bytes / width);
        ByteBuffer b = buffer.byteBuffer();
        Object array = switch (pointee) {
            case INT16, UINT16 -> { short[] a = new short[n]; b.asShortBuffer().get(a); yield a; }
            case FLOAT -> { float[] a = new float[n]; b.asFloatBuffer().get(a); yield a; }
            case DOUBLE -> { double[] a = new double[n]; b.asDoubleBuffer().get(a); yield a; }
            default -> switch (width) {
                case 4 -> { int[] a = new int[n]; b.asIntBuffer().get(a); yield a; }
                case 8 -> { long[] a = new long[n]; b.asLongBuffer().get(a); yield a; }
                default -> { byte[] a = new byte[n]; b.get(a); yield a; }
            };
        };
        return new StagedBuffer(buffer, array);
    }

    /** The array to pass in the buffer's place. */
    Object array() {
        return array;
    }

    /** Copies the array back into the buffer (after the call, which may have written it). */
    void copyBack() {
        ByteBuffer b = buffer.byteBuffer();
        if (array instanceof short[] a) {
            b.asShortBuffer().put(a);
        } else if (array instanceof float[] a) {
            b.asFloatBuffer().put(a);
        } else if (array instanceof double[] a) {
            b.asDoubleBuffer().put(a);
        } else if (array instanceof int[] a) {
            b.asIntBuffer().put(a);
        } else if (array instanceof long[] a) {
            b.asLongBuffer().put(a);
        } else {
            b.put((byte[]) array);
        }
    }
}
