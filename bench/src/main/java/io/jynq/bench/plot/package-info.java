/**
 * JMH benchmarks of plotting: decimation and PNG rendering of long series ({@code ./jynq bench plot}).
 * Imports only the magics module's plot and render packages.
 */
package io.jynq.bench.plot;
