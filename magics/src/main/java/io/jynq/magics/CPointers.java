package io.jynq.magics;

import com.sun.jna.Native;
import io.jynq.buffer.ContiguousBuffer;
import java.nio.ByteBuffer;

/**
 * Pointer arguments of {@code %%c} functions. A contiguous buffer with a native address (a real
 * board's u-dma-buf) is passed as it is. The simulated board hands out no native address
 * ({@code address()} is 0): its DDR is a memory-mapped file owned by the board, so the buffer's
 * direct NIO view is passed instead, and C reads and writes the simulated DDR in place, as DMA
 * sees it.
 */
public final class CPointers {
    private CPointers() {
    }

    /**
     * The value to give the C function for {@code value}.
     *
     * @throws IllegalArgumentException if a buffer has neither a native address nor a direct view
     */
    public static Object arg(Object value) {
        if (value instanceof ContiguousBuffer) {
            ContiguousBuffer b = (ContiguousBuffer) value;
            // a closed buffer goes on as it is: the call refuses it naming the parameter
            if (!b.isClosed() && b.address() == 0 && b.fileWindow() == null) {
                ByteBuffer view = b.byteBuffer();
                if (!view.isDirect()) {
                    throw new IllegalArgumentException(b + " has no native memory to pass to C; copy it to an array: "
                            + "buf.toLongArray() or the copyTo methods");
                }
                return Native.getDirectBufferPointer(view);
            }
        }
        return value;
    }
}
