/**
 * Benchmarks of C calls ({@code ./jynq bench native}): a C function in the JVM (JNA) against the
 * same function in JYNQ's helper process, for two ints and for a checksum over a 1 MiB buffer of
 * the simulated board's DDR (zero copy).
 */
package io.jynq.bench.ffi;
