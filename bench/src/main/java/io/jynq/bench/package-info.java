/**
 * JMH benchmarks, one sub-package per area ({@code metadata}, {@code sim}, {@code kernel}, {@code plot}), run
 * by {@code ./jynq bench AREA}. Speed targets are measured here, never in unit tests.
 */
package io.jynq.bench;
