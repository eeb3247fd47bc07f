/**
 * Kernel benchmarks: {@link io.jynq.bench.kernel.EvalBenchmark} (JMH, the JShell evaluator in
 * process) and {@code kernel_bench.py} (round trips through Debian's jupyter_client: cold start,
 * kernel_info, execute of {@code 1+1} and of an empty cell (the protocol without JShell), interrupt;
 * kernel CPU from each thread's schedstat), both run by {@code ./jynq bench kernel}.
 */
package io.jynq.bench.kernel;
