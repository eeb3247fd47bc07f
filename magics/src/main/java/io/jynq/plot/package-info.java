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
 * buffer of {@code io.jynq.buffer} (numpy-style {@code DType}, little-endian memory, a
 * {@code byteBuffer()} view), the adapter is:
 * <pre>{@code
 * package io.jynq.plot;
 *
 * public final class ContiguousBufferSamples implements SamplesAdapter {
 *     public Optional<Samples> adapt(Object data) {
 *         if (!(data instanceof ContiguousBuffer)) return Optional.empty();
 *         ContiguousBuffer b = (ContiguousBuffer) data;
 *         DType d = b.dtype();
 *         // the NIO view bounds-checks every access and is read in bulk, 8192 elements a call
 *         return Optional.of(Samples.of(b.byteBuffer().order(ByteOrder.LITTLE_ENDIAN),
 *             ElementType.of(d.byteSize(), d.signed(), d.floating())));
 *     }
 *     public String describe() { return "ContiguousBuffer"; }
 * }
 * }</pre>
 * plus one line, {@code io.jynq.plot.ContiguousBufferSamples}, in
 * {@code magics/src/main/resources/META-INF/services/io.jynq.plot.SamplesAdapter}. Then
 * {@code Plot.line(buf)}, {@code Plot.hist(buf)}, {@code Stats.of("out", buf)} and
 * {@code live.append("adc", buf)} all work. A buffer over 2 GiB (no single NIO view) would
 * implement {@code Samples} over {@code getDouble(long)} and override {@code read} to copy a
 * chunk at a time. Reading a closed buffer must throw {@code IllegalStateException}, never
 * touch freed memory: the NIO view must be taken per call or checked with {@code checkOpen()}.
 *
 * <p>Outputs (live plots) go through {@link io.jynq.render.Displays}. This package may import
 * {@code io.jynq.render}, the overlay layer, XChart and Tablesaw; never {@code io.jynq.kernel},
 * {@code io.jynq.magics} or {@code io.jynq.facade}.
 */
package io.jynq.plot;
