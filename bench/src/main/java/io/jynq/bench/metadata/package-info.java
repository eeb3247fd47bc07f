/**
 * JMH benchmarks of overlay metadata ({@code ./jynq bench metadata}): warm and cold parse of the
 * PYNQ-Z1 base overlay's {@code .hwh}, and {@code .bit} to {@code .bin}. Targets (issue 2): warm
 * parse at most 15 ms, cold single shot at most 150 ms, bit2bin at most 3 ms. They read
 * {@code ../shared/testdata} (property {@code jynq.shared.dir}, else {@code jynq.home/../shared}).
 *
 * <p>Imports only the public API of {@code io.jynq.metadata}.
 */
package io.jynq.bench.metadata;
