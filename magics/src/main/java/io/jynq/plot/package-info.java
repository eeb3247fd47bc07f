/**
 * Plots for notebooks: {@link io.jynq.plot.Plot} (line, scatter, histogram with XChart),
 * {@link io.jynq.plot.LivePlot} (a chart redrawn in place while a loop runs), min/max
 * decimation per pixel column ({@link io.jynq.plot.MinMaxDecimator}) and statistics tables
 * ({@link io.jynq.plot.Stats}, Tablesaw).
 *
 * <p><b>The data seam.</b> Every plot reads its data through {@link io.jynq.plot.Samples}
 * ({@code long length()}, {@code double get(long)}, bulk {@code read}), obtained with
 * {@link io.jynq.plot.Samples#from(Object)}. Arrays, NIO buffers and Tablesaw numeric columns
 * are built in. A new type needs one adapter and no change to {@code Plot}. For the contiguous
 * buffer of {@code io.jynq.buffer} (typed get, little-endian NIO views):
 * <pre>{@code
 * package io.jynq.plot;
 *
 * public final class ContiguousBufferSamples implements SamplesAdapter {
 *     public Optional<Samples> adapt(Object data) {
 *         if (!(data instanceof ContiguousBuffer)) return Optional.empty();
 *         ContiguousBuffer b = (ContiguousBuffer) data;
 *         // map the buffer's DType to an ElementType and reuse the NIO view, which reads
 *         // little-endian and bounds-checks every access:
 *         return Optional.of(Samples.of(b.byteBuffer().order(ByteOrder.LITTLE_ENDIAN), elementType(b.dtype())));
 *     }
 *     public String describe() { return "ContiguousBuffer"; }
 * }
 * }</pre>
 * and list {@code io.jynq.plot.ContiguousBufferSamples} in
 * {@code src/main/resources/META-INF/services/io.jynq.plot.SamplesAdapter}. If the buffer is
 * larger than 2 GiB or has no NIO view, implement {@code Samples} over its typed
 * {@code get(long)} and override {@code read} to copy a chunk at a time (the decimator reads
 * 8192 elements per call).
 *
 * <p>Outputs (live plots) go through {@link io.jynq.render.Displays}. This package may import
 * {@code io.jynq.render}, the overlay layer, XChart and Tablesaw; never {@code io.jynq.kernel},
 * {@code io.jynq.magics} or {@code io.jynq.facade}.
 */
package io.jynq.plot;
