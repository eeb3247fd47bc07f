package io.jynq.plot;

import io.jynq.buffer.ContiguousBuffer;
import io.jynq.buffer.DType;
import java.nio.ByteOrder;
import java.util.Optional;

/**
 * Lets every {@link Plot} call, {@link Stats} and live plots take a contiguous buffer directly
 * ({@code Plot.line(out)}): its elements are read through the buffer's little-endian NIO view in
 * its own dtype, so an {@code INT16} buffer plots as 16-bit signed samples.
 *
 * <p>The view is taken when the plot is built, which throws {@link IllegalStateException} for a
 * closed buffer rather than touch freed memory.
 */
public final class ContiguousBufferSamples implements SamplesAdapter {

    @Override
    public Optional<Samples> adapt(Object data) {
        if (!(data instanceof ContiguousBuffer)) {
            return Optional.empty();
        }
        ContiguousBuffer buffer = (ContiguousBuffer) data;
        DType d = buffer.dtype();
        return Optional.of(Samples.of(buffer.byteBuffer().order(ByteOrder.LITTLE_ENDIAN),
                ElementType.of(d.byteSize(), d.signed(), d.floating())));
    }

    @Override
    public String describe() {
        return "ContiguousBuffer";
    }
}
